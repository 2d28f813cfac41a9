namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>What an experiment has learned (API.md, "Observing").</summary>
public sealed record StatsModel(long Version, long TrainedEvents, long DuplicatesDropped, IReadOnlyList<ArmStatsModel> Arms, long Decisions, long DefaultRewards);

public sealed record ArmStatsModel(string Id, long Count, double? RewardSum, double? Mean, double[]? Ci95, double? ProbabilityBest, DateTimeOffset? BlockedUntil, bool Retired, long Decisions);
