namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>One condition on a select request's attributes; an experiment's rules must all hold for the bandit to serve.</summary>
/// <param name="Attribute">The attribute's name in the request.</param>
/// <param name="Op">The comparison.</param>
/// <param name="Values">One value, or for <see cref="TargetingOperator.In"/> and <see cref="TargetingOperator.NotIn"/> the list.</param>
[GenerateSerializer, Immutable, Alias("bandits.TargetingRule")]
public sealed record TargetingRule(
    [property: Id(0)] string Attribute,
    [property: Id(1)] TargetingOperator Op,
    [property: Id(2)] IReadOnlyList<AttributeValue> Values);
