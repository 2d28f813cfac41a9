namespace Orleans.Bandits.Contracts.Policies;

/// <summary>One parameter of a catalogue policy: its name, default (<c>null</c> when required or a list) and meaning.</summary>
[GenerateSerializer, Immutable, Alias("bandits.PolicyParameterInfo")]
public sealed record PolicyParameterInfo([property: Id(0)] string Name, [property: Id(1)] double? Default, [property: Id(2)] string Description);
