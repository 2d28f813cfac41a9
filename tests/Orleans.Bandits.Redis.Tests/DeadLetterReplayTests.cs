using Orleans.Bandits.Client;
using Orleans.Bandits.Redis.Tests.Fixtures;
using Orleans.Runtime;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>
/// Feedback an experiment cannot learn (here its storage refuses writes) ends in the dead-letter stream, where an
/// operator finds it by experiment, replays it once the fault is fixed, and it is learned once: a resend of the same
/// feedback that arrived meanwhile is dropped as the duplicate it is.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DeadLetterReplayTests(RedisServerFixture redis)
{
    private const string Tenant = RedisCluster.Tenant;
    private const int Rewards = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Feedback_dead_lettered_by_a_storage_fault_is_listed_replayed_after_the_fix_and_learned_once()
    {
        await using var cluster = await RedisCluster.StartAsync<FaultyStorageSiloConfigurator>(redis, silos: 1);
        var platform = cluster.Client;
        await platform.CreateExperimentAsync(Tenant, "poisoned", new ExperimentDefinition(["a", "b"]));
        await platform.CreateExperimentAsync(Tenant, "healthy", new ExperimentDefinition(["a", "b"]));
        var poisoned = new ExperimentId(Tenant, "poisoned").Key;
        var stream = StreamId.Create(BanditsProviders.FeedbackNamespace, poisoned).ToString();
        FaultyStorageSiloConfigurator.FailingWrites[poisoned] = true;

        var tokens = new List<string>();
        for (var i = 0; i < Rewards; i++)
        {
            tokens.Add((await platform.SelectAsync(Tenant, "poisoned")).Token!);
            await platform.FeedbackAsync(Tenant, new FeedbackRequest(tokens[^1], 1));
            await platform.FeedbackAsync(Tenant, new FeedbackRequest((await platform.SelectAsync(Tenant, "healthy")).Token!, 1));
        }

        var letters = cluster.Cluster.Client.GetGrain<IDeadLetterGrain>(0);
        var dead = await Eventually.Until(
            async () => (await letters.List(null, DeadLetterPage.MaxLimit)).Items.Where(l => l.Streams.Contains(stream)).ToList(),
            found => found.Count > 0 && found.All(l => l.Reason == "max-deliveries"),
            Patience,
            "the poisoned experiment's feedback in the dead-letter stream",
            RedisCollection.Poll);
        Assert.All(dead, l => Assert.Equal(QuickRetrySiloConfigurator.MaxDeliveryAttempts, l.Deliveries));
        Assert.Equal(Rewards, (await Learned(platform, "healthy", Rewards)).TrainedEvents);

        // Once no entry is queued or pending, every poisoned event is in a letter and none was learned.
        await using (var queues = await QueueInspector.ConnectAsync(redis, cluster.ServiceId))
        {
            await Eventually.Until(async () => (await queues.QueuedAsync(), await queues.PendingAsync()), q => q == (0, 0), Patience, "every entry delivered or dead-lettered", RedisCollection.Poll);
        }

        Assert.Equal(0, (await platform.GetStatsAsync(Tenant, "poisoned")).TrainedEvents);
        dead = (await letters.List(null, DeadLetterPage.MaxLimit)).Items.Where(l => l.Streams.Contains(stream)).ToList();

        // The fault is fixed; the client resends one reward, then the operator replays the letters.
        FaultyStorageSiloConfigurator.FailingWrites.TryRemove(poisoned, out _);
        await platform.FeedbackAsync(Tenant, new FeedbackRequest(tokens[0], 1));
        foreach (var letter in dead)
        {
            await letters.Replay(letter.Id);
        }

        var stats = await Eventually.Until(
            () => platform.GetStatsAsync(Tenant, "poisoned"),
            s => s.TrainedEvents >= Rewards && s.DuplicatesDropped >= 1,
            Patience,
            "the replayed events learned and the resent one dropped",
            RedisCollection.Poll);
        Assert.Equal(Rewards, stats.TrainedEvents);
        Assert.Equal(1, stats.DuplicatesDropped);
        Assert.Equal(Rewards, stats.Arms.Sum(a => a.RewardSum));
        Assert.DoesNotContain((await letters.List(null, DeadLetterPage.MaxLimit)).Items, l => dead.Any(d => d.Id == l.Id));
        var gone = await Assert.ThrowsAsync<BanditsException>(() => letters.Replay(dead[0].Id));
        Assert.Equal(BanditsErrorKind.NotFound, gone.Kind);
    }

    private static Task<ExperimentStats> Learned(IBanditsClient platform, string experiment, int events) =>
        Eventually.Until(
            () => platform.GetStatsAsync(Tenant, experiment),
            s => s.TrainedEvents >= events,
            Patience,
            $"{events} events learned by {experiment}",
            RedisCollection.Poll);
}
