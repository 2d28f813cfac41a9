namespace Orleans.Bandits.Contracts;

/// <summary>The experiment's learned state, for dashboards and the stats endpoint.</summary>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentStats")]
public sealed record ExperimentStats(
    [property: Id(0)] long Version,
    [property: Id(1)] long TrainedEvents,
    [property: Id(2)] long DuplicatesDropped,
    [property: Id(3)] IReadOnlyList<ArmStats> Arms);
