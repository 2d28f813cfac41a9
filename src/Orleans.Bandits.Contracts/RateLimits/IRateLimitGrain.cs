namespace Orleans.Bandits.Contracts.RateLimits;

/// <summary>
/// One tenant's (or one API key's) request rate across the whole cluster, keyed by tenant (or <c>tenant/keyId</c>): a
/// token bucket that HTTP hosts lease permits from in small blocks, so a limit holds however many gateways and silos
/// the requests are spread over.
/// </summary>
[Alias("bandits.IRateLimitGrain")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Grants up to <paramref name="wanted"/> permits from a bucket refilled at <paramref name="limit"/>; none, with the wait for the next one, when it is empty.</summary>
    [Alias("Lease")]
    Task<RatePermits> Lease(int wanted, TokenBucketLimit limit);
}
