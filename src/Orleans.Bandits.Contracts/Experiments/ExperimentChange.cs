namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// A change to an experiment (<c>PATCH</c>): a field left <c>null</c> stays as it is. It is checked whole before
/// anything changes, then applied as one new version, so a bad field changes nothing.
/// </summary>
/// <param name="Status">Running or paused.</param>
/// <param name="PolicyName">The policy's name, when given: it must be the experiment's own (a policy cannot be swapped, only tuned).</param>
/// <param name="PolicyParams">Parameters to set, validated as at create; the others keep their values.</param>
/// <param name="ArmMetadata">New metadata of the named arms, each replacing the arm's metadata whole.</param>
/// <param name="Winner">A new winner rule; a declared winner is dropped and checked again under it.</param>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentChange")]
public sealed record ExperimentChange(
    [property: Id(0)] ExperimentStatus? Status = null,
    [property: Id(1)] string? PolicyName = null,
    [property: Id(2)] IReadOnlyDictionary<string, double[]>? PolicyParams = null,
    [property: Id(3)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? ArmMetadata = null,
    [property: Id(4)] WinnerRule? Winner = null);
