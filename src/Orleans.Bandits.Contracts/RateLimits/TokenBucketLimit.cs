namespace Orleans.Bandits.Contracts.RateLimits;

/// <summary>A token bucket: refilled at <paramref name="PermitsPerSecond"/>, holding at most <paramref name="Burst"/>.</summary>
[GenerateSerializer, Immutable, Alias("bandits.TokenBucketLimit")]
public sealed record TokenBucketLimit([property: Id(0)] int PermitsPerSecond, [property: Id(1)] int Burst);
