using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Http.RateLimits;

/// <summary>
/// Which buckets a <c>/v1</c> request spends from: its tenant's, shared by the whole cluster
/// (<see cref="ClusterRateLimiter"/>), and first its API key's when keys have buckets of their own
/// (<c>Bandits:RateLimit:PerKey</c>). The admin key is not limited: it is the operator's. With auth off nothing is
/// limited unless a limit is configured: every request then acts for one tenant, and a default limit only throttled
/// a load test of one's own silo.
/// </summary>
/// <remarks>
/// A tenant's bucket grain is keyed by the tenant id, a key's by <c>tenant/keyId</c>: ids have no slash, so the two
/// never meet.
/// </remarks>
public static class TenantRateLimits
{
    public const string TenantRefusal = "This tenant exceeded its rate limit";
    public const string KeyRefusal = "This API key exceeded its rate limit";

    public static RateLimitPartition<string> For(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<BanditsHttpOptions>>().Value;
        var limit = options.RateLimit.For(options.Auth.Enabled);
        if (limit is null || Tenancy.FindCaller(context) is not { } caller || (options.Auth.Enabled && caller.IsAdmin) || caller.Tenant is not { } tenant)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        var clock = services.GetRequiredKeyedService<TimeProvider>(RateLimitClock.Key);
        if (options.RateLimit.PerKey.Limit is not { } keyLimit || caller.KeyId is not { } keyId)
        {
            return RateLimitPartition.Get(tenant, bucket => new ClusterRateLimiter(grains, bucket, limit, clock, TenantRefusal));
        }

        var tenants = services.GetRequiredService<TenantLimiters>();
        return RateLimitPartition.Get($"{tenant}/{keyId}", bucket => new KeyAndTenantLimiter(
            new ClusterRateLimiter(grains, bucket, keyLimit, clock, KeyRefusal),
            tenants.For(tenant, () => new ClusterRateLimiter(grains, tenant, limit, clock, TenantRefusal))));
    }
}
