namespace Orleans.Bandits.Contracts.Stats;

/// <summary>The experiment's learned state, for dashboards and the stats endpoint.</summary>
/// <param name="UpdatedAt">When the version last changed.</param>
/// <param name="RefreshInterval">Replica TTL plus training interval: the longest any silo serves an older version.</param>
/// <param name="Decisions">Selections recorded in the decision log.</param>
/// <param name="DefaultRewards">Decisions learned with the experiment's default reward (no outcome within the reward wait).</param>
/// <param name="Uplift">Bandit-served over holdout-served, once both have learned events.</param>
/// <param name="Winner">The declared winner, if any.</param>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentStats")]
public sealed record ExperimentStats(
    [property: Id(0)] long Version,
    [property: Id(1)] long TrainedEvents,
    [property: Id(2)] long DuplicatesDropped,
    [property: Id(3)] IReadOnlyList<ArmStats> Arms,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] TimeSpan RefreshInterval,
    [property: Id(6)] long Decisions = 0,
    [property: Id(7)] long DefaultRewards = 0,
    [property: Id(8)] Uplift? Uplift = null,
    [property: Id(9)] WinnerDeclaration? Winner = null);
