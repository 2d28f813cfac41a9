using Orleans.Bandits.Redis.Tests.Fixtures;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>Silos join a cluster under load and take queues over from the silo that read them.</summary>
[Collection(RedisCollection.Name)]
public sealed class QueueTakeoverTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Silos_joining_under_load_take_queues_over_without_losing_or_double_counting_an_event()
    {
        const int clients = 2, eventsPerClient = 3_000, eventsPerToken = 10;
        await using var cluster = await RedisCluster.StartAsync(redis, silos: 1);
        var experiments = await cluster.CreateExperimentsAsync("takeover", 10);
        var load = new FeedbackLoad(cluster, experiments);

        var sending = load.RunAsync("join", clients, eventsPerClient, eventsPerToken);
        await load.WhenAcceptedAsync(clients * eventsPerClient / 4);
        await cluster.Cluster.StartAdditionalSiloAsync();
        await load.WhenAcceptedAsync(clients * eventsPerClient / 2);
        await cluster.Cluster.StartAdditionalSiloAsync();
        await sending;

        Assert.Equal(clients * eventsPerClient, load.Accepted);
        foreach (var experiment in experiments)
        {
            var stats = await Eventually.Until(
                () => cluster.Client.GetStatsAsync(RedisCluster.Tenant, experiment),
                s => s.TrainedEvents >= load.AcceptedFor(experiment),
                Convergence,
                $"{experiment} to learn its {load.AcceptedFor(experiment)} accepted events", RedisCollection.Poll);
            Assert.Equal(load.AcceptedFor(experiment), stats.TrainedEvents);
            Assert.All(stats.Arms, arm => Assert.Equal(load.AcceptedFor(experiment, arm.Id), arm.Count));
        }

        // Together the three silos read every queue exactly once, and the joiners took some of them over.
        // Not "every silo reads some": Orleans' default consistent-ring balancer hashes queues onto the
        // silo ring, and with 8 queues a silo holds none in roughly one cluster in ten (each of three
        // silos covers about a third of the ring: (2/3)^8 ≈ 4 % per silo).
        var agents = await Eventually.Until(
            async () => new AgentsPerSilo((await cluster.Cluster.Client.GetGrain<IManagementGrain>(0)
                .SendControlCommandToProvider<PersistentStreamProvider>(BanditsProviders.FeedbackStream, (int)PersistentStreamProviderCommand.GetNumberRunningAgents))
                .Select(count => (int)count!).ToList()),
            agents => agents.Counts.Count == 3 && agents.Counts.Sum() == RedisSiloConfigurator.QueueCount && agents.Counts.Max() < RedisSiloConfigurator.QueueCount,
            Convergence,
            "the queues spread over the three silos", RedisCollection.Poll);
        Assert.Equal(RedisSiloConfigurator.QueueCount, agents.Counts.Sum());

        await using var queues = await QueueInspector.ConnectAsync(redis, cluster.ServiceId);
        await Eventually.Until(async () => (await queues.QueuedAsync(), await queues.PendingAsync()), q => q == (0, 0), Convergence, "every entry acknowledged and deleted", RedisCollection.Poll);
    }

    /// <summary>Pulling agents (queues read) per silo, printed readably when the wait gives up.</summary>
    private sealed record AgentsPerSilo(IReadOnlyList<int> Counts)
    {
        public override string ToString() => $"[{string.Join(", ", Counts)}]";
    }
}
