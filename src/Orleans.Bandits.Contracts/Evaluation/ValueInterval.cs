namespace Orleans.Bandits.Contracts.Evaluation;

/// <summary>A value per decision with its 95 % interval.</summary>
[GenerateSerializer, Immutable, Alias("bandits.ValueInterval")]
public sealed record ValueInterval(
    [property: Id(0)] double Value,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper);
