namespace Orleans.Bandits.Contracts.Tenants;

/// <summary>A newly issued key: <see cref="Key"/> is shown once and cannot be recovered.</summary>
[GenerateSerializer, Immutable, Alias("bandits.IssuedApiKey")]
public sealed record IssuedApiKey([property: Id(0)] string Id, [property: Id(1)] string Key);
