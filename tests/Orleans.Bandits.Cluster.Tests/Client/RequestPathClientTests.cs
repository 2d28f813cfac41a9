using Orleans.Bandits.Client;
using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Client;

/// <summary>
/// The .NET client on a caller's request path: a fallback arm when the platform cannot answer, batches that count
/// each outcome once however often they are resent, and stats followed as they change.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RequestPathClientTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    /// <summary>Generous for a warm replica's in-memory answer; the held selection below never answers at all.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_platform_that_cannot_answer_in_time_gives_the_fallback_arm_flagged_and_then_its_own_choice()
    {
        var name = Fixtures.Experiments.NewName("fallback-timeout");
        await fixture.Client.CreateAsync(name);
        var cold = fixture.OnSilo(2);

        // The silo has no replica yet and its snapshot is held back: the selection cannot answer while the gate is shut.
        using (SnapshotGate.Hold(new ExperimentId(Tenant, name).Key))
        {
            var served = await cold.SelectOrFallbackAsync(Tenant, name, "house-default", Timeout);
            Assert.Equal(new ServedArm("house-default", null, null, "timeout"), served);
            Assert.True(served.IsFallback);
        }

        var chosen = await Eventually.Until(
            () => cold.SelectOrFallbackAsync(Tenant, name, "house-default", Timeout),
            s => !s.IsFallback,
            TimeSpan.FromSeconds(20),
            "the platform's own choice once the snapshot is released");
        Assert.Contains(chosen.Arm, new[] { "red", "blue" });
        Assert.NotNull(chosen.Token);
    }

    [Fact]
    public async Task A_paused_or_unknown_experiment_gives_the_fallback_with_its_reason_instead_of_throwing()
    {
        var name = Fixtures.Experiments.NewName("fallback-paused");
        await fixture.Client.CreateAsync(name);
        await fixture.Client.SetStatusAsync(Tenant, name, ExperimentStatus.Paused);

        var paused = await Eventually.Until(
            () => fixture.Client.SelectOrFallbackAsync(Tenant, name, "house-default", Timeout),
            s => s.FallbackReason == "paused",
            TimeSpan.FromSeconds(20),
            "every replica to see the pause");
        Assert.Equal("house-default", paused.Arm);
        Assert.Null(paused.Token);

        var unknown = await fixture.Client.SelectOrFallbackAsync(Tenant, Fixtures.Experiments.NewName("never-created"), "house-default", Timeout);
        Assert.Equal(new ServedArm("house-default", null, null, nameof(BanditsErrorKind.NotFound)), unknown);
    }

    [Fact]
    public async Task A_batch_reports_each_refused_item_and_a_resent_batch_counts_nothing_twice()
    {
        var name = Fixtures.Experiments.NewName("feedback-batch");
        await fixture.Client.CreateAsync(name);
        var batch = new List<FeedbackRequest>();
        for (var i = 0; i < 3; i++)
        {
            var selection = await fixture.Client.SelectAsync(Tenant, name);
            batch.Add(new FeedbackRequest(selection.Token!, 1, EventId: $"outcome-{i}"));
        }

        batch.Insert(1, new FeedbackRequest("not-a-token", 1, EventId: "forged"));

        var first = await fixture.Client.FeedbackBatchAsync(Tenant, batch);
        var failure = Assert.Single(first.Failures);
        Assert.Equal(3, first.Accepted);
        Assert.Equal(1, failure.Index);
        Assert.Equal(BanditsErrorKind.InvalidToken, failure.Kind);

        // The answer was lost, say, so the caller sends the same batch again: the same event ids are the same events.
        var again = await fixture.Client.FeedbackBatchAsync(Tenant, batch);
        Assert.Equal(3, again.Accepted);
        var stats = await Eventually.Until(
            () => fixture.Client.GetStatsAsync(Tenant, name),
            s => s.TrainedEvents + s.DuplicatesDropped >= 6,
            TimeSpan.FromSeconds(20),
            "both copies of the three events to reach the experiment");
        Assert.Equal(3, stats.TrainedEvents);
        Assert.Equal(3, stats.Arms.Sum(a => a.RewardSum));
    }

    [Fact]
    public async Task Watching_stats_yields_the_current_version_then_each_new_one_and_ends_quietly_when_cancelled()
    {
        var name = Fixtures.Experiments.NewName("stats-watch");
        await fixture.Client.CreateAsync(name);
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<ExperimentStats>();
        await foreach (var stats in fixture.Client.WatchStatsAsync(Tenant, name, TimeSpan.FromMilliseconds(50), watching.Token))
        {
            seen.Add(stats);
            if (seen.Count == 1)
            {
                var selection = await fixture.Client.SelectAsync(Tenant, name);
                await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1));
            }
            else if (stats.TrainedEvents == 1)
            {
                watching.Cancel();
            }
        }

        Assert.False(seen.Count < 2, "the sequence ended before the trained event was seen");
        Assert.Equal(0, seen[0].TrainedEvents);
        Assert.Equal(1, seen[^1].TrainedEvents);
        Assert.Equal(seen.Count, seen.Select(s => s.Version).Distinct().Count());
    }
}
