namespace Orleans.Bandits.Contracts.Selection;

/// <summary>A request for an arm: optional context, arms to avoid this time, the exploration scale, and who asks (for the gates).</summary>
/// <param name="Unit">What rollout and holdout membership is sticky to (a user id, a session): hashed with the experiment's id.</param>
/// <param name="Attributes">What targeting rules test, by attribute name.</param>
[GenerateSerializer, Immutable, Alias("bandits.SelectRequest")]
public sealed record SelectRequest(
    [property: Id(0)] double[]? Context = null,
    [property: Id(1)] IReadOnlyList<string>? Exclude = null,
    [property: Id(2)] double Exploration = 1.0,
    [property: Id(3)] string? Unit = null,
    [property: Id(4)] IReadOnlyDictionary<string, AttributeValue>? Attributes = null)
{
    /// <summary>The largest context value accepted: contextual policies square and sum them in their matrices.</summary>
    public const double MaxContextMagnitude = 1e6;

    /// <summary>The longest unit accepted: it is hashed on every select.</summary>
    public const int MaxUnitLength = 256;

    /// <summary>The most attributes one request carries: each may be compared by every targeting rule.</summary>
    public const int MaxAttributes = 64;

    /// <summary>The longest attribute name.</summary>
    public const int MaxAttributeNameLength = 64;
}
