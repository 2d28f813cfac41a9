using Orleans.Bandits.Redis.Streams;
using Orleans.Bandits.Redis.Tests.Fixtures;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>Silos die under load; what was accepted is learned exactly once.</summary>
[Collection(RedisCollection.Name)]
public sealed class SiloFailureTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Three_silos_killed_while_four_clients_send_20000_events_to_50_experiments_and_every_accepted_event_is_learned_exactly_once()
    {
        const int clients = 4, experimentCount = 50, phases = 4, eventsPerPhase = 5_000, eventsPerToken = 10;
        await using var cluster = await RedisCluster.StartAsync(redis, silos: 3);
        var experiments = await cluster.CreateExperimentsAsync("crash", experimentCount);
        var load = new FeedbackLoad(cluster, experiments);
        using var counters = new CounterTotals(CounterTotals.Streams);

        // Each of the first three phases loses a silo a fifth of the way in; a fresh silo joins in its
        // place, so the last phase runs on silos that all took over queues from dead ones.
        for (var phase = 0; phase < phases; phase++)
        {
            var sending = load.RunAsync($"p{phase}", clients, eventsPerPhase / clients, eventsPerToken);
            if (phase < phases - 1)
            {
                await load.WhenAcceptedAsync((phase * eventsPerPhase) + (eventsPerPhase / 5));
                await cluster.Cluster.KillSiloAsync(cluster.LiveSilos[0]);
                await cluster.Cluster.StartAdditionalSiloAsync();
            }

            await sending;
        }

        Assert.Equal(phases * eventsPerPhase, load.Accepted);
        await using var queues = await load.AssertLearnedExactlyOnceAsync(cluster.LiveSilos[^1], redis, Convergence);

        // Consumers of dead silos are forgotten once their entries were claimed: the groups stay small.
        await Eventually.Until(queues.ConsumersPerQueueAsync, c => c.All(n => n == 1), Convergence, "one consumer per queue", RedisCollection.Poll);

        // The kills did leave entries behind that the new owners had to claim.
        Assert.True(counters.Total(RedisStreamMetrics.ReclaimedName, cluster.ServiceId) > 0, "no pending entry was reclaimed from a killed silo");
    }
}
