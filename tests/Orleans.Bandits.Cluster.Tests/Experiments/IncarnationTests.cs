using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

/// <summary>
/// A token outlives its incarnation when the id is deleted and created again, or the experiment is reset: it must
/// teach the new incarnation nothing, whether it arrives at intake afterwards or was already on the stream.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IncarnationTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task A_token_of_a_deleted_experiment_is_refused_on_every_silo_once_the_id_is_reused()
    {
        var name = Fixtures.Experiments.NewName("reused");
        await fixture.Client.CreateAsync(name, "red", "blue", "green");
        var old = await fixture.Client.SelectAsync(Tenant, name);
        await fixture.Client.DeleteExperimentAsync(Tenant, name);
        await fixture.Client.CreateAsync(name, "solo");

        for (var silo = 0; silo < fixture.Cluster.Silos.Count; silo++)
        {
            var refused = await Assert.ThrowsAsync<BanditsException>(() => fixture.OnSilo(silo).FeedbackAsync(Tenant, new FeedbackRequest(old.Token!, 1.0)));
            Assert.Equal(BanditsErrorKind.ExperimentReplaced, refused.Kind);
        }

        // The path is live: a token of the new incarnation is learned, and it is the only event learned. A replica
        // serves the deleted experiment until its next refresh, so select until it serves the new one's arm.
        var fresh = await Eventually.Until(
            () => fixture.Client.SelectAsync(Tenant, name),
            selected => selected.Arm == "solo",
            TimeSpan.FromSeconds(30),
            "a select served by the new incarnation");
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(fresh.Token!, 1.0));
        var stats = await fixture.Client.TrainedAsync(name, 1);
        Assert.Equal(1, stats.TrainedEvents);
        Assert.Equal(1, stats.Arms.Single().Count);
    }

    [Fact]
    public async Task An_event_already_on_the_stream_when_the_experiment_is_replaced_is_dropped_by_the_new_one()
    {
        var name = Fixtures.Experiments.NewName("in-flight");
        await fixture.Client.CreateAsync(name);
        await fixture.Client.DeleteExperimentAsync(Tenant, name);
        await fixture.Client.CreateAsync(name);
        var stream = fixture.Cluster.Client.GetStreamProvider(BanditsProviders.FeedbackStream)
            .GetStream<FeedbackEvent>(StreamId.Create(BanditsProviders.FeedbackNamespace, new ExperimentId(Tenant, name).Key));
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();

        // Generation 0 was the deleted experiment; the re-created one is generation 1.
        await stream.OnNextAsync(new FeedbackEvent(1, 0, 1.0, null, null, null, null, expires, 1, Generation: 0));
        await stream.OnNextAsync(new FeedbackEvent(2, 1, 1.0, null, null, null, null, expires, 1, Generation: 1));

        var stats = await fixture.Client.TrainedAsync(name, 1);
        Assert.Equal(1, stats.TrainedEvents);
        Assert.Equal([0L, 1L], stats.Arms.Select(a => a.Count));
    }

    [Fact]
    public async Task Feedback_already_on_the_stream_when_the_experiment_is_deleted_and_created_again_teaches_the_new_one_nothing()
    {
        var name = Fixtures.Experiments.NewName("queued-delete");
        await fixture.Client.CreateAsync(name, "red", "blue");
        var old = await fixture.Client.SelectAsync(Tenant, name);
        await using (await StoppedFeedbackAgents.StopAsync(fixture.Cluster.Client))
        {
            // Accepted (202): appended to the stream, where it waits while the id is deleted and created again.
            await fixture.OnSilo(1).FeedbackAsync(Tenant, new FeedbackRequest(old.Token!, 1.0));
            await fixture.Client.DeleteExperimentAsync(Tenant, name);
            await fixture.Client.CreateAsync(name, "green", "yellow");
        }

        await AssertOnlyTheNewIncarnationLearns(name, selected => selected.Arm is "green" or "yellow");
    }

    [Fact]
    public async Task Feedback_already_on_the_stream_when_the_experiment_is_reset_teaches_the_new_incarnation_nothing()
    {
        var name = Fixtures.Experiments.NewName("queued-reset");
        await fixture.Client.CreateAsync(name, "red", "blue");
        var old = await fixture.Client.SelectAsync(Tenant, name);
        ExperimentView reset;
        await using (await StoppedFeedbackAgents.StopAsync(fixture.Cluster.Client))
        {
            await fixture.OnSilo(2).FeedbackAsync(Tenant, new FeedbackRequest(old.Token!, 1.0));
            reset = await fixture.Client.ResetExperimentAsync(Tenant, name);
        }

        await AssertOnlyTheNewIncarnationLearns(name, selected => selected.Version >= reset.Version);
    }

    [Fact]
    public async Task A_token_of_a_reset_experiment_is_refused_on_every_silo_even_where_its_rules_were_cached()
    {
        var name = Fixtures.Experiments.NewName("reset-tokens");
        await fixture.Client.CreateAsync(name, "red", "blue");
        var silos = fixture.Cluster.Silos.Count;
        var tokens = new List<string>();
        for (var i = 0; i < 2 * silos; i++)
        {
            tokens.Add((await fixture.Client.SelectAsync(Tenant, name)).Token!);
        }

        // Every silo's intake learns the experiment's rules from one token, so the others meet a warm cache.
        for (var silo = 0; silo < silos; silo++)
        {
            await fixture.OnSilo(silo).FeedbackAsync(Tenant, new FeedbackRequest(tokens[silo], 1.0));
        }

        await fixture.Client.TrainedAsync(name, silos);
        var reset = await fixture.Client.ResetExperimentAsync(Tenant, name);

        // A silo trusts cached rules for FeedbackRulesCache.Lifetime (1 s), so it refuses within that; whatever it
        // accepted meanwhile (a repeat of the same token is the same event) is dropped by the experiment, as the last
        // assertion shows.
        for (var silo = 0; silo < silos; silo++)
        {
            var client = fixture.OnSilo(silo);
            var token = tokens[silos + silo];
            var refused = await Eventually.Until(
                async () =>
                {
                    try
                    {
                        await client.FeedbackAsync(Tenant, new FeedbackRequest(token, 1.0));
                        return (BanditsErrorKind?)null;
                    }
                    catch (BanditsException e)
                    {
                        return e.Kind;
                    }
                },
                kind => kind is not null,
                TimeSpan.FromSeconds(10),
                $"silo {silo} to refuse a token of the reset experiment");
            Assert.Equal(BanditsErrorKind.ExperimentReplaced, refused);
        }

        await AssertOnlyTheNewIncarnationLearns(name, selected => selected.Version >= reset.Version);
    }

    /// <summary>
    /// A token of the current incarnation (a select <paramref name="servedByNew"/> says came from its replica) is learned,
    /// and it is the only event learned: the old tokens rewarded 1, this one 0. Feedback of one experiment is delivered
    /// in order, so anything of the old incarnation still on the stream was delivered before it.
    /// </summary>
    private async Task AssertOnlyTheNewIncarnationLearns(string name, Func<SelectResult, bool> servedByNew)
    {
        var fresh = await Eventually.Until(
            () => fixture.Client.SelectAsync(Tenant, name),
            servedByNew,
            TimeSpan.FromSeconds(30),
            "a select served by the new incarnation");
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(fresh.Token!, 0.0));
        var stats = await fixture.Client.TrainedAsync(name, 1);
        Assert.Equal(1, stats.TrainedEvents);
        Assert.Equal(0, stats.Arms.Sum(a => a.RewardSum));
        Assert.Equal(1, stats.Arms.Single(a => a.Id == fresh.Arm).Count);
    }
}
