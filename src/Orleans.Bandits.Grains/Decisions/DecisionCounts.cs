namespace Orleans.Bandits.Grains.Decisions;

/// <summary>Decisions recorded in an experiment incarnation's log, in all and per arm (by index).</summary>
[GenerateSerializer, Immutable, Alias("bandits.DecisionCounts")]
public sealed record DecisionCounts(
    [property: Id(0)] long Decisions,
    [property: Id(1)] long[] PerArm);
