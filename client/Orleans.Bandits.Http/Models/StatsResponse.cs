
namespace Orleans.Bandits.Http.Models;

/// <summary>The body of the stats endpoint, as API.md shows it.</summary>
/// <param name="UpdatedAt">When the version last changed.</param>
/// <param name="RefreshIntervalMs">The longest a silo's replica lags the version (replica TTL plus training interval).</param>
/// <param name="Decisions">Selections recorded in the decision log.</param>
/// <param name="DefaultRewards">Decisions learned with the default reward.</param>
/// <param name="Uplift">Bandit-served minus holdout-served mean reward with its 95 % interval, once each has two learned events; else null.</param>
/// <param name="Winner">The declared winner, <c>null</c> before one is.</param>
public sealed record StatsResponse(
    long Version, long TrainedEvents, long DuplicatesDropped, IReadOnlyList<ArmStatsResponse> Arms, DateTimeOffset UpdatedAt, double RefreshIntervalMs, long Decisions, long DefaultRewards, UpliftResponse? Uplift, DeclaredWinnerResponse? Winner)
{
    public static StatsResponse From(ExperimentStats stats) => new(
        stats.Version,
        stats.TrainedEvents,
        stats.DuplicatesDropped,
        stats.Arms.Select(a => new ArmStatsResponse(
            a.Id,
            a.Count,
            Finite(a.RewardSum),
            Finite(a.Mean),
            Finite(a.Ci95Low) is { } low && Finite(a.Ci95High) is { } high ? [low, high] : null,
            Finite(a.ProbabilityBest),
            a.BlockedUntil,
            a.Retired,
            a.Decisions,
            Finite(a.ExpectedLoss))).ToList(),
        stats.UpdatedAt,
        stats.RefreshInterval.TotalMilliseconds,
        stats.Decisions,
        stats.DefaultRewards,
        stats.Uplift is { } uplift && Finite(uplift.Value) is { } value && Finite(uplift.BanditMean) is { } bandit && Finite(uplift.HoldoutMean) is { } holdout
            ? new UpliftResponse(
                value,
                Finite(uplift.Ci95Low) is { } low && Finite(uplift.Ci95High) is { } high ? [low, high] : null,
                bandit,
                holdout,
                uplift.BanditCount,
                uplift.HoldoutCount)
            : null,
        DeclaredWinnerResponse.From(stats.Winner));

    /// <summary>JSON has no infinity or NaN: a statistic that overflowed (rewards near double's limits) is reported as unknown.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}

/// <param name="ExpectedLoss">E[max_j θ_j − θ_arm] from the same posterior draws as probabilityBest; <c>null</c> where the policy has no posterior.</param>
public sealed record ArmStatsResponse(string Id, long Count, double? RewardSum, double? Mean, double[]? Ci95, double? ProbabilityBest, DateTimeOffset? BlockedUntil, bool Retired, long Decisions, double? ExpectedLoss);
