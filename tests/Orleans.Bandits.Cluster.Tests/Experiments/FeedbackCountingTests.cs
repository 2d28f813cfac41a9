using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Streams;
using Orleans.Runtime;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

[Collection(ClusterCollection.Name)]
public sealed class FeedbackCountingTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task Concurrent_clients_on_three_silos_are_counted_exactly_once_each()
    {
        const int clients = 8, eventsPerClient = 5_000, eventsPerToken = 50;
        var name = Fixtures.Experiments.NewName("single-writer");
        await fixture.Client.CreateSummingAsync(name, "a", "b", "c");

        // Each client works through one silo (round robin over three); a token is reused with
        // distinct event ids, which an experiment with rewardAggregation 'sum' learns as distinct events.
        var sent = new long[3];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var platform = fixture.OnSilo(client % 3);
            for (var t = 0; t < eventsPerClient / eventsPerToken; t++)
            {
                var selection = await platform.SelectAsync(Tenant, name);
                var arm = selection.Arm switch { "a" => 0, "b" => 1, _ => 2 };
                await Task.WhenAll(Enumerable.Range(0, eventsPerToken).Select(i =>
                    platform.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, Reward: i % 2, EventId: $"c{client}-t{t}-e{i}"))));
                Interlocked.Add(ref sent[arm], eventsPerToken);
            }
        })));

        var stats = await fixture.Client.TrainedAsync(name, clients * eventsPerClient);
        Assert.Equal(clients * eventsPerClient, stats.TrainedEvents);
        Assert.Equal(sent, stats.Arms.Select(a => a.Count).ToArray());
        Assert.Equal(0, stats.DuplicatesDropped);
    }

    [Fact]
    public async Task The_same_token_sent_three_times_counts_once_and_under_sum_a_new_event_id_counts_again()
    {
        var name = Fixtures.Experiments.NewName("retries");
        await fixture.Client.CreateSummingAsync(name);
        var selection = await fixture.Client.SelectAsync(Tenant, name);

        var first = await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1));
        var second = await fixture.OnSilo(1).FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1));
        var third = await fixture.OnSilo(2).FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1));
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first.EventId, third.EventId);

        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: "retry-a"));
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: "retry-a"));
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: "retry-b"));

        var stats = await Eventually.Until(
            () => fixture.Client.GetStatsAsync(Tenant, name),
            s => s.TrainedEvents + s.DuplicatesDropped >= 6,
            TimeSpan.FromSeconds(30),
            "all six deliveries");
        Assert.Equal(3, stats.TrainedEvents);
        Assert.Equal(3, stats.DuplicatesDropped);
        Assert.Equal(3, stats.Arms.Single(a => a.Id == selection.Arm).Count);
    }

    [Fact]
    public async Task Under_first_concurrent_outcomes_for_one_token_on_three_silos_leave_exactly_one_learned()
    {
        const int attempts = 60;
        var name = Fixtures.Experiments.NewName("one-outcome");
        await fixture.Client.CreateAsync(name);
        var selection = await fixture.Client.SelectAsync(Tenant, name);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, attempts).Select(async i =>
        {
            try
            {
                await fixture.OnSilo(i % 3).FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: $"attempt-{i}"));
                return (BanditsErrorKind?)null;
            }
            catch (BanditsException e)
            {
                return e.Kind;
            }
        }));

        Assert.Single(outcomes, kind => kind is null);
        Assert.Equal(attempts - 1, outcomes.Count(kind => kind == BanditsErrorKind.AlreadyRewarded));
        var stats = await fixture.Client.TrainedAsync(name, 1);
        Assert.Equal(1, stats.TrainedEvents);
        Assert.Equal(0, stats.DuplicatesDropped);
    }

    [Fact]
    public async Task Under_sum_a_selection_takes_at_most_64_outcomes_however_many_event_ids_it_is_sent()
    {
        var name = Fixtures.Experiments.NewName("outcome-cap");
        await fixture.Client.CreateSummingAsync(name);
        var selection = await fixture.Client.SelectAsync(Tenant, name);

        for (var i = 0; i < 64; i++)
        {
            await fixture.OnSilo(i % 3).FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: $"click-{i}"));
        }

        var refused = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: "click-64")));
        Assert.Equal(BanditsErrorKind.AlreadyRewarded, refused.Kind);
        Assert.Contains("64 outcomes", refused.Message, StringComparison.Ordinal);

        // A repeat of an accepted event stays welcome, and only the 64 are learned.
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: "click-0"));
        var stats = await fixture.Client.TrainedAsync(name, 64);
        Assert.Equal(64, stats.TrainedEvents);
    }

    [Fact]
    public async Task Under_first_an_unavailable_report_is_the_outcome_and_a_later_reward_is_refused()
    {
        var name = Fixtures.Experiments.NewName("unavailable-first");
        await fixture.Client.CreateAsync(name);
        var selection = await fixture.Client.SelectAsync(Tenant, name);

        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, Unavailable: new Unavailability(1, false)));
        var refused = await Assert.ThrowsAsync<BanditsException>(() => fixture.OnSilo(1).FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, 1, EventId: "late")));

        Assert.Equal(BanditsErrorKind.AlreadyRewarded, refused.Kind);
        Assert.Equal("eventId", refused.Field);
    }

    [Fact]
    public async Task Every_event_delivered_twice_by_the_stream_is_learned_once()
    {
        const int events = 500;
        var name = Fixtures.Experiments.NewName("redelivery");
        await fixture.Client.CreateAsync(name);
        var stream = fixture.Cluster.Client.GetStreamProvider(BanditsProviders.FeedbackStream)
            .GetStream<FeedbackEvent>(StreamId.Create(BanditsProviders.FeedbackNamespace, new ExperimentId(Tenant, name).Key));
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();

        for (var i = 0; i < events; i++)
        {
            var feedback = new FeedbackEvent((UInt128)(i + 1), i % 2, 1.0, null, null, null, null, expires, 1, 0);
            await stream.OnNextAsync(feedback);
            await stream.OnNextAsync(feedback);
        }

        var stats = await Eventually.Until(
            () => fixture.Client.GetStatsAsync(Tenant, name),
            s => s.TrainedEvents + s.DuplicatesDropped >= 2 * events,
            TimeSpan.FromSeconds(30),
            "every delivery");
        Assert.Equal(events, stats.TrainedEvents);
        Assert.Equal(events, stats.DuplicatesDropped);
        Assert.Equal([events / 2L, events / 2L], stats.Arms.Select(a => a.Count).ToArray());
    }
}
