using Orleans.Bandits.Http.Dashboard;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// The API with authentication on, 1 failed authentication per second per address (burst 2) and 2 stats streams per key,
/// and the Orleans dashboard, whose login counts failures with the API's.
/// </summary>
public sealed class StrictLimitsSiloFixture : SiloWithApiFixture
{
    public const int StreamsPerKey = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:Auth:FailuresPerSecondPerAddress"] = "1",
        ["Bandits:Streams:MaxPerKey"] = StreamsPerKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override Action<ISiloBuilder>? ConfigureSilo => silo => silo.AddBanditsDashboard();
}
