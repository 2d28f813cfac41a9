namespace Orleans.Bandits.Http.Tests;

/// <summary>Auth off and a rate limit high enough that thousands of requests in a row are judged on their content.</summary>
public sealed class UnlimitedSiloFixture : SiloWithApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:RateLimit:PermitsPerSecond"] = "1000000",
        ["Bandits:RateLimit:Burst"] = "1000000",
    };
}
