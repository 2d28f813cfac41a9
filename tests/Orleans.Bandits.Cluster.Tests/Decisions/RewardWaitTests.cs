using System.Collections.Concurrent;
using Orleans.Bandits.Client;
using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Decisions;

/// <summary>
/// Delayed rewards on three silos: every decision is learned exactly once, with the feedback that arrived within
/// its reward wait or else with the default reward, and feedback after the wait is refused.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RewardWaitTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;
    private const int WaitSeconds = 2;

    [Fact]
    public async Task Two_thousand_decisions_over_three_experiments_are_each_learned_once_with_their_timely_feedback_or_the_default()
    {
        const int selects = 2_000;
        var experiments = Enumerable.Range(0, 3).Select(i => Fixtures.Experiments.NewName($"reward-wait-{i}")).ToArray();
        foreach (var name in experiments)
        {
            await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["a", "b", "c"], RewardWaitSeconds: WaitSeconds, DefaultReward: 0));
        }

        // 600 of the decisions get a reward of 1: 500 at once after their select (every tenth of those sent twice),
        // 100 only once their wait is surely over. Whatever was accepted is what must be learned.
        var selected = new ConcurrentDictionary<(string Experiment, string Arm), long>();
        var rewarded = new ConcurrentDictionary<(string Experiment, string Arm), long>();
        var late = new List<(string Experiment, string Token, DateTime SelectedBefore)>();
        for (var i = 0; i < selects; i++)
        {
            var experiment = experiments[i % 3];
            var platform = fixture.OnSilo(i % 3);
            var selectedBefore = DateTime.UtcNow;
            var selection = await platform.SelectAsync(Tenant, experiment);
            selected.AddOrUpdate((experiment, selection.Arm), 1, (_, n) => n + 1);
            if (i % 10 < 3)
            {
                if (i % 20 == 0)
                {
                    late.Add((experiment, selection.Token!, selectedBefore));
                }
                else if (await TryRewardAsync(fixture.OnSilo((i + 1) % 3), selection.Token!))
                {
                    rewarded.AddOrUpdate((experiment, selection.Arm), 1, (_, n) => n + 1);
                    if (i % 10 == 1)
                    {
                        Assert.True(await TryRewardAsync(fixture.OnSilo((i + 2) % 3), selection.Token!), "a resent reward is accepted again");
                    }
                }
            }
        }

        Assert.Equal(100, late.Count);
        foreach (var (experiment, token, selectedBefore) in late)
        {
            var due = selectedBefore + TimeSpan.FromSeconds(WaitSeconds + 0.1) - DateTime.UtcNow;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var refused = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(token, 1)));
            Assert.Equal(BanditsErrorKind.RewardWindowClosed, refused.Kind);
        }

        foreach (var experiment in experiments)
        {
            var decisions = selected.Where(s => s.Key.Experiment == experiment).Sum(s => s.Value);
            var stats = await Eventually.Until(
                () => fixture.Client.GetStatsAsync(Tenant, experiment),
                s => s.Decisions >= decisions && s.TrainedEvents >= decisions,
                TimeSpan.FromSeconds(60),
                $"{experiment}: every one of its {decisions} decisions recorded and learned");
            var rewards = rewarded.Where(r => r.Key.Experiment == experiment).Sum(r => r.Value);

            Assert.Equal(decisions, stats.Decisions);
            Assert.Equal(decisions, stats.TrainedEvents);
            Assert.Equal(decisions - rewards, stats.DefaultRewards);
            Assert.True(rewards >= 100, $"only {rewards} timely rewards were accepted in {experiment}");
            foreach (var arm in stats.Arms)
            {
                Assert.Equal(selected.GetValueOrDefault((experiment, arm.Id)), arm.Decisions);
                Assert.Equal(selected.GetValueOrDefault((experiment, arm.Id)), arm.Count);
                Assert.Equal(rewarded.GetValueOrDefault((experiment, arm.Id)), arm.RewardSum);
            }

            // The log says the same, decision by decision: each has exactly one outcome, timely or defaulted.
            var events = await fixture.Client.GetEventsAsync(Tenant, experiment, limit: DecisionEventPage.MaxLimit);
            Assert.Null(events.Next);
            Assert.Equal(decisions, events.Items.Count);
            Assert.Equal(decisions, events.Items.Select(e => e.SelectionId).Distinct().Count());
            Assert.Equal(rewards, events.Items.Count(e => e is { Defaulted: false, Reward: 1 }));
            Assert.Equal(decisions - rewards, events.Items.Count(e => e is { Defaulted: true, Reward: 0 }));
        }
    }

    /// <summary>True when accepted; false when its wait was already over (a slow moment on a shared machine), which the test then counts as not rewarded.</summary>
    private static async Task<bool> TryRewardAsync(IBanditsClient platform, string token)
    {
        try
        {
            await platform.FeedbackAsync(Tenant, new FeedbackRequest(token, 1));
            return true;
        }
        catch (BanditsException e) when (e.Kind == BanditsErrorKind.RewardWindowClosed)
        {
            return false;
        }
    }
}
