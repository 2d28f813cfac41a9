using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Decisions;

/// <summary>The decision log read back page by page: every decision once, joined with each of its outcomes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventExportTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task Each_decision_is_exported_once_per_outcome_in_selection_order_across_pages()
    {
        var name = Fixtures.Experiments.NewName("export");
        await fixture.Client.CreateSummingAsync(name);
        var silo = fixture.OnSilo(0);
        var selections = new List<SelectResult>();
        for (var i = 0; i < 5; i++)
        {
            selections.Add(await silo.SelectAsync(Tenant, name));
        }

        await fixture.OnSilo(1).FeedbackAsync(Tenant, new FeedbackRequest(selections[0].Token!, 1, EventId: "click-1"));
        await fixture.OnSilo(2).FeedbackAsync(Tenant, new FeedbackRequest(selections[0].Token!, 1, EventId: "click-2"));
        await fixture.OnSilo(2).FeedbackAsync(Tenant, new FeedbackRequest(selections[0].Token!, 1, EventId: "click-2"));
        await fixture.OnSilo(1).FeedbackAsync(Tenant, new FeedbackRequest(selections[1].Token!, Unavailable: new Unavailability(1, false), EventId: "busy"));
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selections[2].Token!, 0.5, EventId: "half"));
        var untagged = await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selections[4].Token!, 0));
        await Eventually.Until(() => fixture.Client.GetStatsAsync(Tenant, name), s => s.Decisions >= 5, TimeSpan.FromSeconds(30), "five decisions recorded");

        var pages = new List<DecisionEventPage>();
        string? after = null;
        do
        {
            var page = await fixture.Client.GetEventsAsync(Tenant, name, after, limit: 2);
            pages.Add(page);
            after = page.Next;
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal([3, 2, 1], pages.Select(p => p.Items.Count));
        var events = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(["click-1", "click-2", "busy", "half", null, untagged.EventId], events.Select(e => e.EventId));
        Assert.Equal(
            [selections[0].Arm, selections[0].Arm, selections[1].Arm, selections[2].Arm, selections[3].Arm, selections[4].Arm],
            events.Select(e => e.Arm));
        Assert.Equal(events[0].SelectionId, events[1].SelectionId);
        Assert.Equal(5, events.Select(e => e.SelectionId).Distinct().Count());
        Assert.Equal(untagged.EventId, events[5].SelectionId);
        Assert.Equal([1.0, 1.0, null, 0.5, null, 0.0], events.Select(e => e.Reward));
        Assert.All(events, e => Assert.Equal("thompson-beta", e.Policy));
        Assert.All(events, e => Assert.False(e.Defaulted || e.Holdout));
        Assert.Null(events[4].RewardedAt);
        Assert.All(events.Where(e => e.EventId is not null), e => Assert.True(e.RewardedAt >= e.SelectedAt));
    }

    [Theory]
    [InlineData("not-a-cursor", 10, "after")]
    [InlineData("(+:0", 10, "after")]
    [InlineData(null, 0, "limit")]
    [InlineData(null, 10_001, "limit")]
    public async Task A_bad_cursor_or_limit_is_refused_naming_the_field(string? after, int limit, string field)
    {
        var name = Fixtures.Experiments.NewName("export-bad");
        await fixture.Client.CreateAsync(name);

        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.GetEventsAsync(Tenant, name, after, limit));

        Assert.Equal(BanditsErrorKind.Validation, error.Kind);
        Assert.Equal(field, error.Field);
    }
}
