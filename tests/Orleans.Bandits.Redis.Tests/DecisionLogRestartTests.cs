using Orleans.Bandits.Redis.Tests.Fixtures;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>The decision log in production mode: decisions and outcomes are in Redis, and waits that end while the cluster is down are defaulted after it.</summary>
[Collection(RedisCollection.Name)]
public sealed class DecisionLogRestartTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Decisions_recorded_before_a_full_restart_are_exported_after_it_and_their_waits_end_in_exactly_one_outcome()
    {
        const int selects = 20, rewarded = 5;
        string serviceId, clusterId;
        await using (var first = await RedisCluster.StartAsync(redis, silos: 2))
        {
            (serviceId, clusterId) = (first.ServiceId, first.Cluster.Options.ClusterId);
            await first.Client.CreateExperimentAsync(RedisCluster.Tenant, "durable-log", new ExperimentDefinition(["red", "blue"], RewardWaitSeconds: 3, DefaultReward: 0));
            var silo = RedisCluster.On(first.LiveSilos[0]);
            for (var i = 0; i < selects; i++)
            {
                var selection = await silo.SelectAsync(RedisCluster.Tenant, "durable-log");
                if (i < rewarded)
                {
                    await first.Client.FeedbackAsync(RedisCluster.Tenant, new FeedbackRequest(selection.Token!, 1));
                }
            }

            await Eventually.Until(
                () => first.Client.GetStatsAsync(RedisCluster.Tenant, "durable-log"),
                s => s.Decisions >= selects,
                Convergence,
                "every decision recorded", RedisCollection.Poll);
            await first.Cluster.StopAllSilosAsync();
        }

        await using var second = await RedisCluster.StartAsync(redis, silos: 2, serviceId, clusterId);
        var stats = await Eventually.Until(
            () => second.Client.GetStatsAsync(RedisCluster.Tenant, "durable-log"),
            s => s.TrainedEvents >= selects,
            Convergence,
            "every decision learned after the restart", RedisCollection.Poll);
        Assert.Equal(selects, stats.Decisions);
        Assert.Equal(selects, stats.TrainedEvents);
        Assert.Equal(selects - rewarded, stats.DefaultRewards);
        Assert.Equal(rewarded, stats.Arms.Sum(a => a.RewardSum));

        var events = await second.Client.GetEventsAsync(RedisCluster.Tenant, "durable-log");
        Assert.Equal(selects, events.Items.Count);
        Assert.Equal(rewarded, events.Items.Count(e => e is { Defaulted: false, Reward: 1 }));
        Assert.Equal(selects - rewarded, events.Items.Count(e => e is { Defaulted: true, Reward: 0 }));
    }
}
