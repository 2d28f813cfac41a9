using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

/// <summary>
/// A token outlives its experiment when the id is deleted and created again: it must teach the new
/// experiment nothing, whether it arrives at intake after the re-creation or was already on the stream.
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
}
