namespace Orleans.Bandits.Http.Tests;

/// <summary>The API with authentication on, 1 failed authentication per second per address (burst 2) and 2 stats streams per key.</summary>
public sealed class StrictLimitsSiloFixture : SiloWithApiFixture
{
    public const int StreamsPerKey = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:Auth:FailuresPerSecondPerAddress"] = "1",
        ["Bandits:Streams:MaxPerKey"] = StreamsPerKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
