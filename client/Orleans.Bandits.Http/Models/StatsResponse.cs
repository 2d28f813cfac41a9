
namespace Orleans.Bandits.Http.Models;

/// <summary>The body of the stats endpoint, as API.md shows it.</summary>
/// <param name="UpdatedAt">When the version last changed.</param>
/// <param name="RefreshIntervalMs">The longest a silo's replica lags the version (replica TTL plus training interval).</param>
public sealed record StatsResponse(long Version, long TrainedEvents, long DuplicatesDropped, IReadOnlyList<ArmStatsResponse> Arms, DateTimeOffset UpdatedAt, double RefreshIntervalMs)
{
    public static StatsResponse From(ExperimentStats stats) => new(
        stats.Version,
        stats.TrainedEvents,
        stats.DuplicatesDropped,
        stats.Arms.Select(a => new ArmStatsResponse(
            a.Id,
            a.Count,
            a.RewardSum,
            a.Mean,
            a.Ci95Low is { } low && a.Ci95High is { } high ? [low, high] : null,
            a.ProbabilityBest,
            a.BlockedUntil,
            a.Retired)).ToList(),
        stats.UpdatedAt,
        stats.RefreshInterval.TotalMilliseconds);
}

public sealed record ArmStatsResponse(string Id, long Count, double RewardSum, double? Mean, double[]? Ci95, double? ProbabilityBest, DateTimeOffset? BlockedUntil, bool Retired);
