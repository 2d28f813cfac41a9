using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Orleans.Bandits.Http.RateLimits;

/// <summary>
/// This host's limiter for each tenant's bucket, when API keys have buckets of their own (<see cref="KeyAndTenantLimiter"/>):
/// all of a tenant's keys spend from the one limiter, so the host leases the tenant's permits once for all of them.
/// </summary>
/// <remarks>One small limiter per tenant that has sent a request here, kept for the host's life: tenants are few and only the admin makes them.</remarks>
public sealed class TenantLimiters : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _byTenant = new(StringComparer.Ordinal);

    public RateLimiter For(string tenant, Func<RateLimiter> create) =>
        _byTenant.GetOrAdd(tenant, _ => new Lazy<RateLimiter>(create)).Value;

    public void Dispose()
    {
        foreach (var limiter in _byTenant.Values.Where(l => l.IsValueCreated))
        {
            limiter.Value.Dispose();
        }
    }
}
