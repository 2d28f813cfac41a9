using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

[Collection(ClusterCollection.Name)]
public sealed class ReplicaTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task After_training_every_silo_serves_the_new_version()
    {
        var name = Fixtures.Experiments.NewName("replicas");
        await fixture.Client.CreateAsync(name);
        var before = await Task.WhenAll(Enumerable.Range(0, 3).Select(s => fixture.OnSilo(s).SelectAsync(Tenant, name)));
        Assert.All(before, s => Assert.Equal(1, s.Version));

        var token = before[0].Token!;
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(token, 1));
        var trained = await fixture.Client.TrainedAsync(name, 1);

        // Replicas refresh on their timer every TTL; the experiment publishes a training batch
        // within one training interval. Bounded wait: ten times that sum, so only a replica that
        // never refreshes fails, not a slow machine.
        var bound = OperationalDefaults.Stochastic.RefreshInterval * 10;
        for (var silo = 0; silo < 3; silo++)
        {
            var platform = fixture.OnSilo(silo);
            await Eventually.Until(() => platform.SelectAsync(Tenant, name), s => s.Version >= trained.Version, bound, $"silo {silo} to serve version {trained.Version}");
        }
    }

    [Fact]
    public async Task A_warm_replica_answers_while_the_experiment_grain_is_held_and_a_cold_one_waits()
    {
        var name = Fixtures.Experiments.NewName("stale-while-revalidate");
        await fixture.Client.CreateAsync(name);
        var warm = fixture.OnSilo(0);
        await warm.SelectAsync(Tenant, name);

        Task<SelectResult> cold;
        using (SnapshotGate.Hold(new ExperimentId(Tenant, name).Key))
        {
            // Warm: answers from the replica many times over, whatever its refresh timer is doing.
            for (var i = 0; i < 50; i++)
            {
                Assert.NotNull((await warm.SelectAsync(Tenant, name)).Token);
            }

            // Cold: another silo has never seen the experiment, so it must wait for the snapshot.
            cold = fixture.OnSilo(1).SelectAsync(Tenant, name);
            await Task.Delay(300);
            Assert.False(cold.IsCompleted);
        }

        // Released, the snapshot arrives and the waiting select answers with a token; the bound is the
        // test's, far below the grain call timeout, so an answer that only a timeout would end fails here.
        var answer = await cold.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(answer.Token);
    }

    [Fact]
    public async Task An_idle_replica_stops_refreshing_and_fetches_before_its_next_answer()
    {
        var name = Fixtures.Experiments.NewName("idle-replica");
        await fixture.Client.CreateAsync(name);
        var key = new ExperimentId(Tenant, name).Key;
        var silo = fixture.OnSilo(0);
        await silo.SelectAsync(Tenant, name);

        // Idle, the replica notices within one or two ticks and stops asking for snapshots. A replica
        // that refreshed forever would never stay quiet for five TTLs; the 30 s bound only limits how
        // long a slow machine may take to show the quiet window.
        var ttl = OperationalDefaults.Stochastic.ReplicaTtl;
        await Eventually.Until(
            async () =>
            {
                var before = SnapshotCallCounter.Count(key);
                await Task.Delay(5 * ttl);
                return SnapshotCallCounter.Count(key) == before;
            },
            quiet => quiet,
            TimeSpan.FromSeconds(30),
            "the idle replica to stop refreshing");

        // Paused while nobody refreshes the replica: its very next answer must already know, with no
        // wait for a timer, because an idle replica fetches before it answers.
        var calls = SnapshotCallCounter.Count(key);
        await fixture.Client.SetStatusAsync(Tenant, name, ExperimentStatus.Paused);
        var answer = await silo.SelectAsync(Tenant, name);

        Assert.True(answer.Paused);
        Assert.True(SnapshotCallCounter.Count(key) > calls);
    }

    [Fact]
    public async Task An_arm_blocked_as_unavailable_is_masked_on_every_silo()
    {
        var name = Fixtures.Experiments.NewName("blocking");
        await fixture.Client.CreateAsync(name, "only", "other");
        var bound = OperationalDefaults.Stochastic.RefreshInterval * 10;
        var selection = await Eventually.Until(() => fixture.Client.SelectAsync(Tenant, name), s => s.Arm == "only", TimeSpan.FromSeconds(10), "a selection of arm 'only'");

        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, Unavailable: new Unavailability(60_000)));
        for (var silo = 0; silo < 3; silo++)
        {
            var platform = fixture.OnSilo(silo);
            await Eventually.Until(
                async () => (await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => platform.SelectAsync(Tenant, name)))).All(s => s.Arm == "other"),
                masked => masked,
                bound,
                $"silo {silo} to mask the blocked arm");
        }

        var stats = await fixture.Client.GetStatsAsync(Tenant, name);
        Assert.NotNull(stats.Arms.Single(a => a.Id == "only").BlockedUntil);
        Assert.Equal(0, stats.TrainedEvents);
    }
}
