using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.Harness.Clients;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.Harness.Running;

/// <summary>
/// Unrecorded requests through every strategy on every tier of every fleet, as fast as they are
/// answered, before the first measured run. A freshly started process answers slower for its first
/// minutes (code still on its first compilation tier, a thread pool still growing): on a shared
/// two-core machine the first strategy of every run, the random baseline, reached 6.3 of its 10
/// requests per second while the others reached about 9, and a slower run meets fewer rate limits,
/// so the baseline was measured on easier terms. Warm-up routes are experiments of their own,
/// removed afterwards, and every measured run resets its servers first, so nothing carries over.
/// </summary>
public sealed class WarmUp(StudyPlan plan, LoadBalancerClient loadBalancer)
{
    public async Task RunAsync(IReadOnlyList<FleetControlClient> fleets, CancellationToken cancellationToken)
    {
        if (plan.WarmUpRequests == 0)
        {
            return;
        }

        await Task.WhenAll(fleets.Take(Math.Max(1, plan.Parallel)).Select(async (fleet, index) =>
        {
            var view = await fleet.GetAsync(cancellationToken);
            await Task.WhenAll(plan.Tiers.Select(async tier =>
            {
                var servers = view.Servers.Where(s => s.Tier == tier).Select(s => new RouteServer(s.Name, new Uri(s.Url))).ToList();
                var ids = new Random(HashCode.Combine(index, (int)tier, 0x3a7));
                foreach (var strategy in plan.Strategies)
                {
                    var route = $"warmup-{strategy.Name}-{tier}-f{index}-{plan.Session}".ToLowerInvariant();
                    await loadBalancer.RegisterAsync(route, strategy.Name, tier.ToString(), servers, cancellationToken);
                    for (var request = 0; request < plan.WarmUpRequests; request++)
                    {
                        await loadBalancer.SendAsync(route, RequestId.New(ids), cancellationToken);
                    }

                    await loadBalancer.RemoveAsync(route, cancellationToken);
                }
            }));
        }));
    }
}
