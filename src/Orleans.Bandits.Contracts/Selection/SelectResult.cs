namespace Orleans.Bandits.Contracts.Selection;

/// <summary>The chosen arm and the signed token that feedback must carry.</summary>
/// <param name="Arm">The arm id to use.</param>
/// <param name="Token">Signed selection token; <c>null</c> while the experiment is paused.</param>
/// <param name="Propensity">Probability the arm was chosen with, for randomized policies.</param>
/// <param name="Version">The snapshot version the choice was made on.</param>
/// <param name="Paused">Whether the experiment is paused (the first arm is served, nothing is learned).</param>
[GenerateSerializer, Immutable, Alias("bandits.SelectResult")]
public sealed record SelectResult(
    [property: Id(0)] string Arm,
    [property: Id(1)] string? Token,
    [property: Id(2)] double? Propensity,
    [property: Id(3)] long Version,
    [property: Id(4)] bool Paused = false);
