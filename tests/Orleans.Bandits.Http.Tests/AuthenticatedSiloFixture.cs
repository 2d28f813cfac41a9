namespace Orleans.Bandits.Http.Tests;

/// <summary>The API with authentication on, and a small rate limit so a test can exceed it.</summary>
public sealed class AuthenticatedSiloFixture : SiloWithApiFixture
{
    public const string AdminKey = "test-admin-key-with-enough-entropy";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AdminKey,
        ["Bandits:RateLimit:PermitsPerSecond"] = "200",
        ["Bandits:RateLimit:Burst"] = "400",
    };
}
