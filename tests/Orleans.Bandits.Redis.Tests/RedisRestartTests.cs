using Orleans.Bandits.Redis.Tests.Fixtures;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>Redis itself dies under load and comes back from its append-only file.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRestartTests
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Feedback_during_a_Redis_restart_is_refused_with_503_and_after_recovery_every_accepted_event_is_learned_exactly_once()
    {
        const int clients = 4, eventsPerClient = 1_500, eventsPerToken = 10;

        // A server of its own: the shared one must not go down under the other test classes' clusters.
        var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        try
        {
            await using var cluster = await RedisCluster.StartAsync(redis, silos: 2);
            var experiments = await cluster.CreateExperimentsAsync("outage", 10);
            var load = new FeedbackLoad(cluster, experiments);

            var sending = load.RunAsync("outage", clients, eventsPerClient, eventsPerToken);
            await load.WhenAcceptedAsync(clients * eventsPerClient / 4);
            await redis.KillAsync();
            await Task.Delay(Outage);
            var acceptedDuringOutage = load.Accepted;
            await redis.StartAsync();
            await sending;

            // Requests sent while Redis was down were refused as Unavailable (503), and only so; the
            // clients sent them again, so every event was accepted once Redis was back.
            Assert.True(load.Unavailable > 0, "no request was refused while Redis was down");
            Assert.True(load.Faults == 0, $"{load.Faults} requests failed otherwise, last: {load.LastFault}");
            Assert.True(load.Accepted > acceptedDuringOutage, "nothing was accepted after Redis came back");
            Assert.Equal(clients * eventsPerClient, load.Accepted);
            await using var queues = await load.AssertLearnedExactlyOnceAsync(cluster.LiveSilos[0], redis, Convergence);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
