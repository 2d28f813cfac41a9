using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Bandits.Grains.RateLimits;

/// <summary>
/// A tenant's token bucket for the whole cluster. HTTP hosts lease permits from it in small blocks
/// (<c>ClusterRateLimiter</c>), so a request costs a grain call only once per block.
/// </summary>
/// <remarks>
/// In memory only: a bucket that starts again (its silo left, or it idled long enough to be collected) starts full,
/// which lets one burst more through. Persisting it would cost a storage write per block of requests.
/// </remarks>
public sealed class RateLimitGrain([FromKeyedServices(RateLimitClock.Key)] TimeProvider clock) : Grain, IRateLimitGrain
{
    private double _tokens = double.NaN;
    private long _refilledAt;

    public Task<RatePermits> Lease(int wanted, TokenBucketLimit limit)
    {
        if (limit.PermitsPerSecond <= 0 || limit.Burst <= 0 || wanted <= 0)
        {
            throw BanditsException.Invalid("limit", "A lease asks for at least one permit of a bucket with a positive rate and burst.");
        }

        var now = clock.GetTimestamp();
        _tokens = double.IsNaN(_tokens)
            ? limit.Burst
            : Math.Min(limit.Burst, _tokens + (clock.GetElapsedTime(_refilledAt, now).TotalSeconds * limit.PermitsPerSecond));
        _refilledAt = now;
        var granted = (int)Math.Min(wanted, Math.Floor(_tokens));
        _tokens -= granted;
        var retryAfter = granted > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / limit.PermitsPerSecond);
        return Task.FromResult(new RatePermits(granted, retryAfter));
    }
}
