namespace Orleans.Bandits.Contracts.RateLimits;

/// <summary>Permits granted by a lease; when none were, how long until the bucket holds one.</summary>
[GenerateSerializer, Immutable, Alias("bandits.RatePermits")]
public sealed record RatePermits([property: Id(0)] int Granted, [property: Id(1)] TimeSpan RetryAfter);
