namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>When the bandit serves: from <see cref="Start"/> inclusive to <see cref="End"/> exclusive, within the daily hours; each part optional.</summary>
[GenerateSerializer, Immutable, Alias("bandits.ServingSchedule")]
public sealed record ServingSchedule(
    [property: Id(0)] DateTimeOffset? Start = null,
    [property: Id(1)] DateTimeOffset? End = null,
    [property: Id(2)] DailyHours? Hours = null);
