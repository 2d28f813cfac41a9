namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>An arm as clients see it. Retired arms keep their index so outstanding tokens still count.</summary>
[GenerateSerializer, Immutable, Alias("bandits.ArmView")]
public sealed record ArmView([property: Id(0)] string Id, [property: Id(1)] bool Retired);
