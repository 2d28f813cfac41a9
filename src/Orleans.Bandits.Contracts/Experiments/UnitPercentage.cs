namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>A share of units, 0 to 100 percent, chosen by a stable hash of the experiment id and the unit (rollout, holdout).</summary>
[GenerateSerializer, Immutable, Alias("bandits.UnitPercentage")]
public sealed record UnitPercentage([property: Id(0)] double Percentage);
