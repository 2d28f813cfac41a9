namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>An arm as clients see it. Retired arms keep their index so outstanding tokens still count.</summary>
/// <param name="Metadata">The arm's metadata (string values, see <see cref="ArmMetadataLimits"/>), in views only: the learned state and the replicas do not carry it.</param>
[GenerateSerializer, Immutable, Alias("bandits.ArmView")]
public sealed record ArmView([property: Id(0)] string Id, [property: Id(1)] bool Retired, [property: Id(2)] IReadOnlyDictionary<string, string>? Metadata = null);
