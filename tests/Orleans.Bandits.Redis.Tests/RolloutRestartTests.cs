using Orleans.Bandits.Redis.Tests.Fixtures;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>Rollout membership is a hash of the experiment and the unit, not anything a process or silo holds.</summary>
[Collection(RedisCollection.Name)]
public sealed class RolloutRestartTests(RedisServerFixture redis)
{
    [Fact]
    public async Task The_units_in_a_rollout_are_the_same_after_a_full_cluster_restart()
    {
        const string experiment = "rollout-restart";
        var units = Enumerable.Range(0, 10_000).Select(i => $"user-{i}").ToArray();
        bool[] before;
        string serviceId, clusterId;
        await using (var first = await RedisCluster.StartAsync(redis, silos: 2))
        {
            (serviceId, clusterId) = (first.ServiceId, first.Cluster.Options.ClusterId);
            await first.Client.CreateExperimentAsync(RedisCluster.Tenant, experiment, new ExperimentDefinition(["red", "blue"], Serving: new ServingRules(Rollout: new UnitPercentage(30))));
            before = await RolloutMembership.OfAsync(RedisCluster.On(first.LiveSilos[0]), RedisCluster.Tenant, experiment, units);
            await first.Cluster.StopAllSilosAsync();
        }

        // 10,000 units at p = 0.3: the share's sd is sqrt(0.3 · 0.7 / 10,000) = 0.46 points, so ±1.5 points is over 3 sd.
        Assert.InRange(before.Count(served => served) / (double)units.Length, 0.285, 0.315);

        await using var second = await RedisCluster.StartAsync(redis, silos: 2, serviceId, clusterId);
        Assert.Equal(30, (await second.Client.GetExperimentAsync(RedisCluster.Tenant, experiment)).Serving!.Rollout!.Percentage);
        Assert.Equal(before, await RolloutMembership.OfAsync(RedisCluster.On(second.LiveSilos[1]), RedisCluster.Tenant, experiment, units));
    }
}
