using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// The propensities of drawn choices (Thompson samplers, perturbed leaders) are estimated from rounds of
/// draws counted per snapshot; on a fixed snapshot they must be the probabilities the policy plays with,
/// within the tolerance <see cref="PropensityVerdict"/> derives, for every exploration scale and set of
/// excluded arms (each has its own table).
/// </summary>
public sealed class DrawnPropensityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("thompson-beta", 1.0, new bool[0])]
    [InlineData("thompson-beta", 1.0, new[] { true })]
    [InlineData("thompson-beta", 2.0, new bool[0])]
    [InlineData("thompson-beta", 0.5, new[] { false, false, false, true })]
    [InlineData("thompson-gaussian", 1.0, new bool[0])]
    [InlineData("thompson-gaussian", 1.5, new[] { false, false, true })]
    [InlineData("dirichlet-thompson", 1.0, new bool[0])]
    [InlineData("discounted-thompson", 1.0, new bool[0])]
    [InlineData("sliding-window-thompson", 1.0, new[] { false, true })]
    [InlineData("fpl", 1.0, new bool[0])]
    [InlineData("fpl", 3.0, new[] { true })]
    public void Reported_propensities_are_the_probabilities_of_play(string name, double exploration, bool[] excluded)
    {
        var (policy, snapshot) = Trained(name);
        PropensityVerdict.Judge(policy, snapshot, [], excluded, exploration, WinProbabilityTables.DrawsFor(snapshot.ArmCount), 0, seed: 51).AssertHolds(output);
    }

    [Fact]
    public void Propensities_guessed_as_uniform_fail_the_same_check()
    {
        var (policy, snapshot) = Trained("thompson-beta");
        PropensityVerdict.Judge(new UniformPropensityPolicy(policy), snapshot, [], [], 1.0, WinProbabilityTables.DrawsFor(snapshot.ArmCount), 0, seed: 51).AssertBroken(output);
    }

    [Fact]
    public void Rounds_whose_kept_arms_are_all_excluded_are_drawn_again()
    {
        // Twelve arms, the nine strongest excluded: a round keeps its eight best arms, so nearly every round's
        // winner among the last three must come from drawing the round again from its seed.
        var policy = PolicyCatalogue.Create("thompson-beta");
        var state = policy.CreateState(12);
        policy.Train(state, [.. Enumerable.Range(0, 9).SelectMany(arm => Outcomes(arm, 40, 5)), .. Outcomes(9, 6, 6), .. Outcomes(10, 4, 8), .. Outcomes(11, 8, 4)]);
        bool[] excluded = [.. Enumerable.Range(0, 12).Select(arm => arm < 9)];

        PropensityVerdict.Judge(policy, policy.CreateSnapshot(state), [], excluded, 1.0, WinProbabilityTables.DrawsFor(12), 0, seed: 52).AssertHolds(output);
    }

    [Fact]
    public void An_arm_that_wins_no_round_is_reported_at_one_over_rounds_plus_one()
    {
        var policy = PolicyCatalogue.Create("thompson-beta");
        var state = policy.CreateState(2);
        policy.Train(state, [.. Outcomes(0, 500, 0), .. Outcomes(1, 0, 500)]);
        var snapshot = policy.CreateSnapshot(state);

        Assert.Equal(1.0 / 1_001, snapshot.WinProbabilities.Estimate((IndexPolicy)policy, snapshot, 1, [], 1.0));
        Assert.Equal(1.0, snapshot.WinProbabilities.Estimate((IndexPolicy)policy, snapshot, 0, [], 1.0));
    }

    [Fact]
    public void Large_experiments_draw_fewer_rounds_so_the_select_that_pays_stays_within_the_draw_budget()
    {
        Assert.Equal(WinProbabilityTables.MaxDraws, WinProbabilityTables.DrawsFor(20));
        Assert.Equal(WinProbabilityTables.DrawBudget / 100, WinProbabilityTables.DrawsFor(100));
        Assert.Equal(WinProbabilityTables.MinDraws, WinProbabilityTables.DrawsFor(1000));

        // 300 arms: 66 rounds by the budget, but never fewer than 100; one arm wins every round.
        var policy = PolicyCatalogue.Create("thompson-beta");
        var state = policy.CreateState(300);
        policy.Train(state, [.. Outcomes(0, 500, 0), .. Enumerable.Range(1, 299).SelectMany(arm => Outcomes(arm, 0, 500))]);
        var snapshot = policy.CreateSnapshot(state);

        Assert.Equal(1.0 / (WinProbabilityTables.MinDraws + 1), snapshot.WinProbabilities.Estimate((IndexPolicy)policy, snapshot, 1, [], 1.0));
    }

    [Fact]
    public void Every_replica_of_a_snapshot_reports_the_same_propensities()
    {
        // A replica is rebuilt from the snapshot's arrays (as the wire form does); the rounds are seeded by
        // their index, so the estimates agree exactly.
        var (policy, snapshot) = Trained("thompson-beta");
        var replica = new PolicySnapshot(snapshot.Arms, snapshot.Shared);
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            Assert.Equal(
                snapshot.WinProbabilities.Estimate((IndexPolicy)policy, snapshot, arm, [false, true], 1.0),
                replica.WinProbabilities.Estimate((IndexPolicy)policy, replica, arm, [false, true], 1.0));
        }
    }

    [Fact]
    public void A_snapshot_without_estimates_reports_no_drawn_propensity_but_still_exact_ones()
    {
        var (thompson, snapshot) = Trained("thompson-beta");
        Assert.Null(thompson.Select(snapshot.WithoutEstimatedPropensities(), [], [], 1.0, new Random(1))!.Value.Propensity);

        var greedy = PolicyCatalogue.Create("epsilon-greedy");
        var state = greedy.CreateState(2);
        greedy.Train(state, [new(0, 1), new(1, 0)]);
        Assert.NotNull(greedy.Select(greedy.CreateSnapshot(state).WithoutEstimatedPropensities(), [], [], 1.0, new Random(1))!.Value.Propensity);
    }

    /// <summary>
    /// Four arms with 0/1 rewards valid for every policy here: 12 of 20, 10 of 20, 5 of 10 and 3 of 10 successes,
    /// so the arms' probabilities differ (the best about one half, the worst a few percent) and none is uniform.
    /// </summary>
    private static (IBanditPolicy Policy, PolicySnapshot Snapshot) Trained(string name)
    {
        var policy = PolicyCatalogue.Create(name);
        var state = policy.CreateState(4);
        policy.Train(state, [.. Outcomes(0, 12, 8), .. Outcomes(1, 10, 10), .. Outcomes(2, 5, 5), .. Outcomes(3, 3, 7)]);
        return (policy, policy.CreateSnapshot(state));
    }
}
