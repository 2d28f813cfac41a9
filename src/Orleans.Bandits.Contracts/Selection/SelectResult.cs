namespace Orleans.Bandits.Contracts.Selection;

/// <summary>The chosen arm and the signed token that feedback must carry.</summary>
/// <param name="Arm">The arm id to use.</param>
/// <param name="Token">Signed selection token; <c>null</c> for a default-arm answer (paused, or outside a gate).</param>
/// <param name="Propensity">Probability the arm was chosen with, for randomized policies (and with an exploration floor or in the holdout).</param>
/// <param name="Version">The snapshot version the choice was made on.</param>
/// <param name="Paused">Whether the experiment is paused (the default arm is served, nothing is learned).</param>
/// <param name="DefaultReason">Set when the default arm was served instead of a choice: why.</param>
/// <param name="Holdout">The unit is in the holdout: the arm was drawn uniformly among the selectable arms.</param>
[GenerateSerializer, Immutable, Alias("bandits.SelectResult")]
public sealed record SelectResult(
    [property: Id(0)] string Arm,
    [property: Id(1)] string? Token,
    [property: Id(2)] double? Propensity,
    [property: Id(3)] long Version,
    [property: Id(4)] bool Paused = false,
    [property: Id(5)] DefaultReason? DefaultReason = null,
    [property: Id(6)] bool Holdout = false)
{
    /// <summary>The default arm was served: no decision was recorded and no feedback is possible.</summary>
    public bool IsDefault => DefaultReason is not null;
}
