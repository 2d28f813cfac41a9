using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Cluster.Tests.Dedup;

[Collection(ClusterCollection.Name)]
public sealed class DedupSegmentTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    /// <summary>
    /// Enough events to seal small segments, merge them, and leave marks unsealed; the experiment is then
    /// deactivated, so the replay meets only what was stored: every mark, wherever it ended up.
    /// </summary>
    [Fact]
    public async Task After_sealing_merging_and_reactivation_every_replayed_event_is_dropped()
    {
        // Chunks smaller than a segment, each trained before the next, so no seal exceeds two chunks'
        // worth of one segment: twice the merged size then makes well over SegmentsPerMerge seals.
        const int chunkSize = 64, events = (2 * DedupLog.MergedSegmentSize) + 100;
        var name = Fixtures.Experiments.NewName("segments");
        await fixture.Client.CreateAsync(name);
        var id = new ExperimentId(Tenant, name);
        var stream = fixture.Cluster.Client.GetStreamProvider(BanditsProviders.FeedbackStream)
            .GetStream<FeedbackEvent>(StreamId.Create(BanditsProviders.FeedbackNamespace, id.Key));
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        var feedback = Enumerable.Range(1, events).Select(i => new FeedbackEvent((UInt128)i, i % 2, 1.0, null, null, null, null, expires, 1, 0)).ToArray();

        var sent = 0;
        foreach (var chunk in feedback.Chunk(chunkSize))
        {
            await stream.OnNextBatchAsync(chunk);
            sent += chunk.Length;
            await fixture.Client.TrainedAsync(name, sent);
        }

        var grain = fixture.Cluster.Client.GetGrain<IExperimentGrain>(id.Key);
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        // Asked once (a call to a deactivated grain would activate it again); then the silos' own
        // activation lists must no longer hold it.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(
            async () => (await management.GetDetailedGrainStatistics()).Any(s => s.GrainId == grain.GetGrainId()),
            active => !active,
            TimeSpan.FromSeconds(30),
            "the experiment to be deactivated");

        foreach (var chunk in feedback.Chunk(chunkSize))
        {
            await stream.OnNextBatchAsync(chunk);
        }

        var stats = await Eventually.Until(
            () => fixture.Client.GetStatsAsync(Tenant, name),
            s => s.TrainedEvents + s.DuplicatesDropped >= 2 * events,
            TimeSpan.FromSeconds(60),
            "every replayed event");
        Assert.Equal(events, stats.TrainedEvents);
        Assert.Equal(events, stats.DuplicatesDropped);
    }
}
