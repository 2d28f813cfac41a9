using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Http.RateLimits;

/// <summary>
/// Which bucket a <c>/v1</c> request spends from: its tenant's, shared by the whole cluster
/// (<see cref="ClusterRateLimiter"/>). The admin key is not limited: it is the operator's. With auth off nothing is
/// limited unless a limit is configured: every request then acts for one tenant, and a default limit only throttled
/// a load test of one's own silo.
/// </summary>
public static class TenantRateLimits
{
    public static RateLimitPartition<string> For(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<BanditsHttpOptions>>().Value;
        var limit = options.RateLimit.For(options.Auth.Enabled);
        if (limit is null || Tenancy.FindCaller(context) is not { } caller || (options.Auth.Enabled && caller.IsAdmin) || caller.Tenant is not { } tenant)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.Get(tenant, key => new ClusterRateLimiter(
            services.GetRequiredService<IGrainFactory>(),
            key,
            limit,
            services.GetRequiredKeyedService<TimeProvider>(RateLimitClock.Key)));
    }
}
