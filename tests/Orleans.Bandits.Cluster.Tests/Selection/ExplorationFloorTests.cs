using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Cluster.Tests.Selection;

/// <summary>
/// Floor f = 0.05 over K = 5 arms, on ε-greedy with ε = 0.02 trained to prefer one arm: the policy alone gives each other
/// arm ε/K = 0.4 %, under 1 %, and the floor lifts it to f/K + (1 − f)·ε/K = 1 % + 0.38 % = 1.38 %. Without the floor the
/// shares fail; with a propensity that ignores the floor the χ² test fails.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExplorationFloorTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;
    private const double Floor = 0.05;
    private const double Epsilon = 0.02;
    private const int Selects = 20_000;
    private const int Concurrency = 100;
    private static readonly string[] Arms = ["a", "b", "c", "d", "e"];

    [Fact]
    public async Task Every_arm_keeps_at_least_one_percent_and_the_logged_propensities_match_the_frequencies()
    {
        var name = Fixtures.Experiments.NewName("floor");
        await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(
            Arms,
            new PolicySpec("epsilon-greedy", new Dictionary<string, double[]> { ["epsilon"] = [Epsilon] }),
            Serving: new ServingRules(ExplorationFloor: Floor)));
        var platform = fixture.OnSilo(0);
        await Train(name, platform);

        var counts = new Dictionary<string, int>();
        var propensities = new Dictionary<string, HashSet<double>>();
        for (var done = 0; done < Selects; done += Concurrency)
        {
            foreach (var selected in await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => platform.SelectAsync(Tenant, name))))
            {
                counts[selected.Arm] = counts.GetValueOrDefault(selected.Arm) + 1;
                (propensities.TryGetValue(selected.Arm, out var seen) ? seen : propensities[selected.Arm] = []).Add(selected.Propensity!.Value);
            }
        }

        // The snapshot does not change while nothing is learned, so each arm is logged with one propensity, and they sum to 1.
        Assert.Equal(Arms, counts.Keys.Order());
        Assert.All(propensities.Values, seen => Assert.Single(seen));
        var logged = Arms.ToDictionary(arm => arm, arm => propensities[arm].Single());
        Assert.Equal(1.0, logged.Values.Sum(), 9);
        Assert.Equal(Floor / Arms.Length + (1 - Floor) * (Epsilon / Arms.Length + 1 - Epsilon), logged["a"], 12);
        Assert.All(Arms.Skip(1), arm => Assert.Equal(Floor / Arms.Length + (1 - Floor) * Epsilon / Arms.Length, logged[arm], 12));

        // Expected 276 of 20,000 per other arm (sd 16.6): 1 % is 200, 4.6 sd below.
        Assert.All(Arms, arm => Assert.True(counts[arm] >= 0.01 * Selects, $"{arm}: {counts[arm]} of {Selects}"));

        // χ² goodness of fit of the counts to the logged propensities, K − 1 = 4 degrees of freedom. For 4 df the survival
        // function is e^(−x/2)(1 + x/2), which is 0.001 at x = 18.467: the critical value at α = 0.001.
        var chiSquare = Arms.Sum(arm => Math.Pow(counts[arm] - (Selects * logged[arm]), 2) / (Selects * logged[arm]));
        const double critical = 18.467;
        Assert.Equal(0.001, Math.Exp(-critical / 2) * (1 + (critical / 2)), 5);
        Assert.True(chiSquare < critical, $"χ² = {chiSquare} ≥ {critical}: counts {string.Join(", ", counts)}");

        // The decision log carries the same propensities as the answers.
        var page = await Eventually.Until(
            () => platform.GetEventsAsync(Tenant, name, limit: DecisionEventPage.MaxLimit),
            p => p.Items.Count == DecisionEventPage.MaxLimit,
            TimeSpan.FromSeconds(30),
            "a page of decisions");
        var trainingDecisions = 20 * Arms.Length;
        Assert.All(page.Items.Skip(trainingDecisions), decision => Assert.Equal(logged[decision.Arm], decision.Propensity));
    }

    /// <summary>20 events per arm, each forced by excluding the others: "a" always pays 1, the rest 0, so "a" is ε-greedy's best.</summary>
    private async Task Train(string name, Orleans.Bandits.Client.IBanditsClient platform)
    {
        foreach (var arm in Arms)
        {
            for (var i = 0; i < 20; i++)
            {
                var forced = await platform.SelectAsync(Tenant, name, new SelectRequest(Exclude: Arms.Where(other => other != arm).ToList()));
                Assert.Equal(arm, forced.Arm);
                await platform.FeedbackAsync(Tenant, new FeedbackRequest(forced.Token!, arm == "a" ? 1 : 0));
            }
        }

        var trained = await fixture.Client.TrainedAsync(name, 20 * Arms.Length);
        var replica = TestClusters.GrainsOf(fixture.Cluster.Silos[0]).GetGrain<ISelectorGrain>(new ExperimentId(Tenant, name).Key);
        await Eventually.Until(replica.GetReplicaVersion, version => version >= trained.Version, TimeSpan.FromSeconds(30), "training to reach the replica");
    }
}
