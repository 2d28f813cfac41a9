using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>
/// The best strategy of a tier by mean score, and how sure that is: its score minus the runner-up's,
/// paired by seed. A margin whose interval includes 0 means the two are not told apart.
/// </summary>
public sealed record TierVerdict(Tier Tier, string Best, string? RunnerUp, SeedSummary? MarginOverRunnerUp)
{
    public bool Clear => MarginOverRunnerUp is { Lower: > 0 };
}
