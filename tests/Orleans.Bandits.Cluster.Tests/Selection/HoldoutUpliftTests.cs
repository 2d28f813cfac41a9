using Orleans.Bandits.Client;
using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Cluster.Tests.Selection;

/// <summary>
/// A 20 % holdout on a seeded world. 1,000 decisions, in ten rounds of 100 with training reaching the replica between
/// rounds, so the bandit learns as it would live. About 200 land in the holdout: their mean (rewards in {0, 1} with
/// p ≈ 0.5) has se ≈ √(0.25/200) = 0.035, the bandit's 800 about √(0.2/800) = 0.016, so the difference's se is about
/// 0.039 and its 95 % half-width 0.076.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HoldoutUpliftTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;
    private const int Rounds = 10;
    private const int PerRound = 100;

    [Fact]
    public async Task When_the_bandit_is_truly_better_the_uplift_interval_excludes_zero()
    {
        // Arms at 0.2 and 0.8: the bandit soon plays "high", so its mean nears 0.8 while the holdout's stays near 0.5;
        // an uplift near 0.25 is over 6 se from 0. The bandit's own draws are not seeded (the replica's generator), but
        // at that distance the interval excludes 0 whatever they are.
        var (stats, decisions) = await Run("holdout-better", new Dictionary<string, double> { ["low"] = 0.2, ["high"] = 0.8 }, seed: 15);

        var uplift = stats.Uplift!;
        Assert.True(uplift.Ci95Low > 0, $"uplift {uplift.Value} [{uplift.Ci95Low}, {uplift.Ci95High}] should exclude 0");
        // The holdout serves both arms uniformly with the replica's unseeded generator, so its mean is 0.5 with the se of
        // its own count: 4 se leaves a false failure once in about 15,000 runs (±0.1 at 160 units was 3.2 se, and failed).
        var holdoutHalfWidth = 4 * Math.Sqrt(0.25 / uplift.HoldoutCount);
        Assert.InRange(uplift.HoldoutMean, 0.5 - holdoutHalfWidth, 0.5 + holdoutHalfWidth);
        Assert.Equal(stats.TrainedEvents, uplift.BanditCount + uplift.HoldoutCount);

        // The holdout's share of units: 20 % of 1,000 has sd 1.3 points, so ±4 points is 3 sd; served uniformly, at 1/K.
        var holdout = decisions.Where(d => d.Holdout).ToList();
        Assert.InRange(holdout.Count / (double)decisions.Count, 0.16, 0.24);
        Assert.All(holdout, d => Assert.Equal(0.5, d.Propensity));
        Assert.InRange(holdout.Count(d => d.Arm == "high") / (double)holdout.Count, 0.35, 0.65);
    }

    [Fact]
    public async Task When_the_arms_are_identical_the_uplift_interval_covers_zero()
    {
        // Both arms at 0.5: every reward is the seeded world's next coin whatever arm is served, and holdout membership is
        // the units' stable hash, so the groups and their rewards are fixed by the seed; a 95 % interval covers the true
        // uplift, 0, for 95 % of seeds, and this seed is one of them for good.
        var (stats, _) = await Run("holdout-identical", new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5 }, seed: 15);

        var uplift = stats.Uplift!;
        Assert.InRange(0, uplift.Ci95Low, uplift.Ci95High);
    }

    [Fact]
    public async Task Without_a_holdout_the_uplift_is_null()
    {
        var name = Fixtures.Experiments.NewName("no-holdout");
        await fixture.Client.CreateAsync(name);
        var selected = await fixture.Client.SelectAsync(Tenant, name, new SelectRequest(Unit: "user-1"));
        Assert.False(selected.Holdout);
        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selected.Token!, 1));
        Assert.Null((await fixture.Client.TrainedAsync(name, 1)).Uplift);
    }

    private async Task<(ExperimentStats Stats, IReadOnlyList<DecisionEvent> Decisions)> Run(string prefix, Dictionary<string, double> probabilities, int seed)
    {
        var name = Fixtures.Experiments.NewName(prefix);
        await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition([.. probabilities.Keys], Serving: new ServingRules(Holdout: new UnitPercentage(20))));
        var world = new Random(seed);
        var platform = fixture.OnSilo(0);
        var replica = TestClusters.GrainsOf(fixture.Cluster.Silos[0]).GetGrain<ISelectorGrain>(new ExperimentId(Tenant, name).Key);
        var unit = 0;
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < PerRound; i++)
            {
                var selected = await platform.SelectAsync(Tenant, name, new SelectRequest(Unit: $"user-{unit++}"));
                var reward = world.NextDouble() < probabilities[selected.Arm] ? 1.0 : 0.0;
                await platform.FeedbackAsync(Tenant, new FeedbackRequest(selected.Token!, reward));
            }

            var trained = await fixture.Client.TrainedAsync(name, (round + 1) * PerRound);
            await Eventually.Until(replica.GetReplicaVersion, version => version >= trained.Version, TimeSpan.FromSeconds(30), $"round {round} to reach the replica");
        }

        var stats = await fixture.Client.TrainedAsync(name, Rounds * PerRound);
        var decisions = await Eventually.Until(
            async () => (await platform.GetEventsAsync(Tenant, name, limit: DecisionEventPage.MaxLimit)).Items,
            items => items.Count == Rounds * PerRound,
            TimeSpan.FromSeconds(30),
            "every decision in the log");
        return (stats, decisions);
    }
}
