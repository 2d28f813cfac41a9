using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Routing;

/// <summary>
/// A 429 seen by the load balancer masks the server for the whole cluster: every silo's replica
/// stops offering it, so a load balancer talking to any silo routes around it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RateLimitMaskingTests(ClusterFixture cluster)
{
    /// <summary>V6 with a mask long enough that the test never races its end (checking every silo takes up to a refresh interval).</summary>
    private static readonly Strategy LongMask = StrategyCatalogue.V6 with { RateLimits = RateLimitHandling.Mask(TimeSpan.FromMinutes(10)) };

    [Fact]
    public async Task A_429_masks_the_server_on_every_silo()
    {
        // s0 always answers 429; s1 and s2 always fail, so one request's three free attempts meet all three.
        var (host, servers) = await TestFleet.StartAsync((1.0, new RateLimit(0)), (0.0, null), (0.0, null));
        await using var _ = host;
        var name = ClusterFixture.NewRoute("mask");
        var route = await cluster.Routes().RegisterAsync(name, LongMask, "T2", servers);
        var others = new[] { "s1", "s2" };

        // Before any 429, every silo offers s0 when it is the only server not excluded.
        for (var silo = 0; silo < cluster.Cluster.Silos.Count; silo++)
        {
            var before = await cluster.OnSilo(silo).SelectAsync(ClusterFixture.Tenant, name, new SelectRequest(Exclude: others));
            Assert.Equal("s0", before.Arm);
        }

        var result = await cluster.Router().RouteAsync(route, RequestId.New(new Random(1)), CancellationToken.None);
        Assert.Contains(result.Attempts, a => a.Server == "s0" && a.Outcome == DownstreamOutcome.RateLimited);

        // Within a refresh interval every silo refuses to offer s0: it is masked, not merely unlucky.
        for (var silo = 0; silo < cluster.Cluster.Silos.Count; silo++)
        {
            var client = cluster.OnSilo(silo);
            var masked = await Eventually.TrueAsync(async () =>
            {
                try
                {
                    await client.SelectAsync(ClusterFixture.Tenant, name, new SelectRequest(Exclude: others));
                    return false;
                }
                catch (BanditsException e) when (e.Kind == BanditsErrorKind.NoArmAvailable)
                {
                    return true;
                }
            });
            Assert.True(masked, $"silo {silo} still offers s0 after its 429");
        }

        var stats = await cluster.Client.GetStatsAsync(ClusterFixture.Tenant, name);
        Assert.NotNull(stats.Arms.Single(a => a.Id == "s0").BlockedUntil);
        Assert.Equal(0, stats.Arms.Single(a => a.Id == "s0").Count);
    }

    [Fact]
    public async Task A_strategy_that_counts_429_as_failure_learns_a_zero_and_masks_nothing()
    {
        var (host, servers) = await TestFleet.StartAsync((1.0, new RateLimit(0)), (0.0, null), (0.0, null));
        await using var _ = host;
        var name = ClusterFixture.NewRoute("nomask");
        var route = await cluster.Routes().RegisterAsync(name, StrategyCatalogue.V4, "T2", servers);
        await cluster.Router().RouteAsync(route, RequestId.New(new Random(2)), CancellationToken.None);

        var s0 = await Eventually.ValueAsync(
            async () => (await cluster.Client.GetStatsAsync(ClusterFixture.Tenant, name)).Arms.Single(a => a.Id == "s0"),
            arm => arm.Count > 0);
        Assert.Equal(0, s0.RewardSum);
        Assert.Null(s0.BlockedUntil);
    }
}
