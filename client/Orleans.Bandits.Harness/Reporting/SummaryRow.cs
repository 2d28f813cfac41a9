using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>One strategy on one tier, every measure averaged over seeds with a 95 % Student-t interval.</summary>
/// <param name="ScoreVsRandom">Score minus the uniform-random baseline's on the same seed (same servers, same outcome sequences), averaged; null without the baseline.</param>
public sealed record SummaryRow(
    Tier Tier,
    string Strategy,
    SeedSummary SuccessRate,
    SeedSummary Score,
    SeedSummary Retries,
    SeedSummary Penalties,
    SeedSummary LatencyP50Ms,
    SeedSummary LatencyP99Ms,
    SeedSummary Regret,
    double AchievedRps,
    SeedSummary? ScoreVsRandom);
