namespace Orleans.Bandits.Contracts.Selection;

/// <summary>A request for an arm: optional context, arms to avoid this time, and the exploration scale.</summary>
[GenerateSerializer, Immutable, Alias("bandits.SelectRequest")]
public sealed record SelectRequest(
    [property: Id(0)] double[]? Context = null,
    [property: Id(1)] IReadOnlyList<string>? Exclude = null,
    [property: Id(2)] double Exploration = 1.0)
{
    /// <summary>The largest context value accepted: contextual policies square and sum them in their matrices.</summary>
    public const double MaxContextMagnitude = 1e6;
}
