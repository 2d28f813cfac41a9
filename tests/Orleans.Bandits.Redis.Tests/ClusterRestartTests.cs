using Orleans.Bandits.Redis.Tests.Fixtures;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>The whole cluster stops and starts again; everything it knew was in Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class ClusterRestartTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_full_cluster_restart_experiments_keep_their_state_and_events_accepted_just_before_the_stop_are_learned_once()
    {
        const int learnedBeforeStop = 1_000, sentJustBeforeStop = 300;
        IReadOnlyList<string> experiments;
        FeedbackLoad load;
        var stopped = new Dictionary<string, ExperimentStats>();
        string serviceId, clusterId;

        await using (var first = await RedisCluster.StartAsync(redis, silos: 2))
        {
            (serviceId, clusterId) = (first.ServiceId, first.Cluster.Options.ClusterId);
            experiments = await first.CreateExperimentsAsync("restart", 5);
            load = new FeedbackLoad(first, experiments);
            await load.RunAsync("before", clients: 1, eventsPerClient: learnedBeforeStop, eventsPerToken: 10);
            foreach (var experiment in experiments)
            {
                stopped[experiment] = await Eventually.Until(
                    () => first.Client.GetStatsAsync(RedisCluster.Tenant, experiment),
                    s => s.TrainedEvents >= load.AcceptedFor(experiment),
                    Convergence,
                    $"{experiment} to learn before the stop", RedisCollection.Poll);
            }

            // Accepted, then the cluster stops at once: these may still be in the queues.
            await load.RunAsync("last", clients: 1, eventsPerClient: sentJustBeforeStop, eventsPerToken: 10);
            await first.Cluster.StopAllSilosAsync();
        }

        await using var second = await RedisCluster.StartAsync(redis, silos: 2, serviceId, clusterId);
        foreach (var experiment in experiments)
        {
            var view = await second.Client.GetExperimentAsync(RedisCluster.Tenant, experiment);
            Assert.Equal(["red", "blue"], view.Arms.Select(a => a.Id));
            var stats = await Eventually.Until(
                () => second.Client.GetStatsAsync(RedisCluster.Tenant, experiment),
                s => s.TrainedEvents >= load.AcceptedFor(experiment),
                Convergence,
                $"{experiment} to learn its {load.AcceptedFor(experiment)} accepted events after the restart", RedisCollection.Poll);
            Assert.Equal(load.AcceptedFor(experiment), stats.TrainedEvents);
            Assert.All(stats.Arms, arm => Assert.Equal(load.AcceptedFor(experiment, arm.Id), arm.Count));
            Assert.True(stats.Version >= stopped[experiment].Version);
            Assert.All(stopped[experiment].Arms, arm => Assert.True(stats.Arms.Single(a => a.Id == arm.Id).Count >= arm.Count));
        }

        Assert.Equal(learnedBeforeStop + sentJustBeforeStop, load.Accepted);
        var selection = await RedisCluster.On(second.LiveSilos[0]).SelectAsync(RedisCluster.Tenant, experiments[0]);
        Assert.Contains(selection.Arm, new[] { "red", "blue" });
    }

    [Fact]
    public async Task A_selection_that_had_its_outcome_before_a_full_restart_is_refused_a_second_one_after_it()
    {
        string serviceId, clusterId, token;
        await using (var first = await RedisCluster.StartAsync(redis, silos: 2))
        {
            (serviceId, clusterId) = (first.ServiceId, first.Cluster.Options.ClusterId);
            await first.Client.CreateExperimentAsync(RedisCluster.Tenant, "outcome-once", new ExperimentDefinition(["red", "blue"]));
            token = (await first.Client.SelectAsync(RedisCluster.Tenant, "outcome-once")).Token!;
            await RedisCluster.On(first.LiveSilos[1]).FeedbackAsync(RedisCluster.Tenant, new FeedbackRequest(token, 1, EventId: "before"));
            await Eventually.Until(
                () => first.Client.GetStatsAsync(RedisCluster.Tenant, "outcome-once"),
                s => s.TrainedEvents == 1,
                Convergence,
                "the outcome learned before the stop", RedisCollection.Poll);
            await first.Cluster.StopAllSilosAsync();
        }

        await using var second = await RedisCluster.StartAsync(redis, silos: 2, serviceId, clusterId);
        var refused = await Assert.ThrowsAsync<BanditsException>(() =>
            RedisCluster.On(second.LiveSilos[0]).FeedbackAsync(RedisCluster.Tenant, new FeedbackRequest(token, 0, EventId: "after")));
        Assert.Equal(BanditsErrorKind.AlreadyRewarded, refused.Kind);

        // The first event's retry is still welcome, and learned once.
        await second.Client.FeedbackAsync(RedisCluster.Tenant, new FeedbackRequest(token, 1, EventId: "before"));
        // At least once: the original's delivery may be redelivered after the restart too, and is dropped as well.
        var stats = await Eventually.Until(
            () => second.Client.GetStatsAsync(RedisCluster.Tenant, "outcome-once"),
            s => s.DuplicatesDropped >= 1,
            Convergence,
            "the retry delivered and dropped", RedisCollection.Poll);
        Assert.Equal(1, stats.TrainedEvents);
    }
}
