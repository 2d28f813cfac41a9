using System.Threading.RateLimiting;

namespace Orleans.Bandits.Http.RateLimits;

/// <summary>
/// A request of a key with a bucket of its own spends one permit from the key's bucket, then one from its tenant's, which
/// the tenant's other keys share. A permit the key spent before its tenant refused is not given back: a key at its
/// tenant's limit can only be held below its own, never above it.
/// </summary>
/// <remarks>The tenant's limiter belongs to <see cref="TenantLimiters"/>, which outlives this one: disposing this disposes only the key's.</remarks>
public sealed class KeyAndTenantLimiter(RateLimiter key, RateLimiter tenant) : RateLimiter
{
    /// <summary>Idle as long as the key is: the partitioned limiter drops this one, and the tenant's stays for its other keys.</summary>
    public override TimeSpan? IdleDuration => key.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => key.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Both(key.AttemptAcquire(permitCount), () => tenant.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var keyLease = await key.AcquireAsync(permitCount, cancellationToken);
        if (!keyLease.IsAcquired)
        {
            return keyLease;
        }

        keyLease.Dispose();
        return await tenant.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            key.Dispose();
        }

        base.Dispose(disposing);
    }

    private static RateLimitLease Both(RateLimitLease keyLease, Func<RateLimitLease> tenantLease)
    {
        if (!keyLease.IsAcquired)
        {
            return keyLease;
        }

        keyLease.Dispose();
        return tenantLease();
    }
}
