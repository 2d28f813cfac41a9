namespace Orleans.Bandits.Grains.Decisions;

/// <summary>One selection, as the decision log keeps it.</summary>
/// <param name="SelectionId">The token's random selection id: what feedback joins on.</param>
/// <param name="Arm">The arm's index.</param>
/// <param name="Propensity">The probability the arm was chosen with, where the policy defines one.</param>
/// <param name="Context">The selection's context (contextual policies).</param>
/// <param name="Version">The snapshot version the arm was chosen on.</param>
/// <param name="Policy">The policy that chose it.</param>
/// <param name="SelectedAtUnixMs">When it was chosen (the token's issue time).</param>
/// <param name="Holdout">Served uniformly at random to measure the bandit against.</param>
[GenerateSerializer, Immutable, Alias("bandits.DecisionRecord")]
public sealed record DecisionRecord(
    [property: Id(0)] UInt128 SelectionId,
    [property: Id(1)] int Arm,
    [property: Id(2)] double? Propensity,
    [property: Id(3)] double[]? Context,
    [property: Id(4)] long Version,
    [property: Id(5)] string Policy,
    [property: Id(6)] long SelectedAtUnixMs,
    [property: Id(7)] bool Holdout);
