namespace Orleans.Bandits.Grains.Decisions;

/// <summary>A decision and one of its outcomes (null while it has none).</summary>
[GenerateSerializer, Immutable, Alias("bandits.DecisionLogRow")]
public sealed record DecisionLogRow(
    [property: Id(0)] DecisionRecord Decision,
    [property: Id(1)] OutcomeRecord? Outcome);
