namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>A policy by catalogue name with its parameters (scalars are one-element vectors).</summary>
[GenerateSerializer, Immutable, Alias("bandits.PolicySpec")]
public sealed record PolicySpec(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyDictionary<string, double[]> Params);
