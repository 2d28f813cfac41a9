using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Orleans.Bandits.Http.Health;

/// <summary>Ready = this host reaches an active cluster and the grain storage accepts a write.</summary>
public sealed class ClusterReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            if (hosts.Count == 0)
            {
                return HealthCheckResult.Unhealthy("No active silo in the cluster.");
            }

            await grains.GetGrain<IStorageProbeGrain>("readiness").Probe();
            return HealthCheckResult.Healthy($"{hosts.Count} active silo(s); storage writable.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The cluster or its storage is unreachable.", e);
        }
    }
}
