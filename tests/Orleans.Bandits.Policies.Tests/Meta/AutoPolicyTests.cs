using Orleans.Bandits.Policies.Meta;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Meta;

public sealed class AutoPolicyTests
{
    private static readonly AutoPolicy Policy = (AutoPolicy)PolicyCatalogue.Create("auto");

    [Fact]
    public void Default_learners_are_thompson_ucb1_and_epsilon_greedy_with_equal_shares()
    {
        Assert.Equal(["thompson-beta", "ucb1", "epsilon-greedy"], Policy.LearnerNames);
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(3));
        AssertClose([1.0 / 3, 1.0 / 3, 1.0 / 3], snapshot.Shared);
    }

    [Fact]
    public void Reported_propensity_is_the_mixture_of_the_learners_advice_and_matches_the_play()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [.. Outcomes(0, 8, 2), .. Outcomes(1, 2, 8), .. Outcomes(2, 5, 5)]);
        var snapshot = Policy.CreateSnapshot(state);
        var advice = Policy.Advice(state);
        var shares = Policy.LearnerShares(state);
        var mixture = Enumerable.Range(0, 3).Select(arm => Enumerable.Range(0, 3).Sum(l => shares[l] * advice[l][arm])).ToArray();

        AssertClose(mixture, Propensities(Policy, snapshot, [], 1));
        var counts = Counts(Policy, snapshot, [], 1, new Random(14), 20_000);
        for (var arm = 0; arm < 3; arm++)
        {
            // Binomial standard deviation is at most √(20,000 / 4) ≈ 71 draws: 5 of them is 355.
            Assert.InRange(counts[arm], (mixture[arm] * 20_000) - 355, (mixture[arm] * 20_000) + 355);
        }

        // Excluding arm 0 renormalizes the rest exactly.
        var rest = mixture[1] + mixture[2];
        AssertClose([0, mixture[1] / rest, mixture[2] / rest], Propensities(Policy, snapshot, [true], 1));
    }

    [Fact]
    public void Every_learner_trains_on_every_event()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1, 0.5), new(1, 0, 0.5)]);
        // Arm vector: [advice × 3, Thompson α β, UCB1 count sum, ε-greedy count sum].
        Assert.Equal([2.0, 1.0, 1.0, 1.0, 1.0, 1.0], state.Arms[0][3..]);
        Assert.Equal([1.0, 2.0, 1.0, 0.0, 1.0, 0.0], state.Arms[1][3..]);
    }

    [Fact]
    public void A_learner_whose_advice_loses_is_charged_by_importance_weight_and_loses_share()
    {
        // Two learners: UCB1 and ε-greedy. After the first batch both play arm 0 (best mean); a failure of
        // arm 0 then charges each in proportion to its probability of arm 0 over the logged propensity.
        var policy = (AutoPolicy)PolicyCatalogue.Create("auto", new Dictionary<string, double> { ["learners"] = 2 + 4, ["eta"] = 0.1 });
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1, 0.5), new(1, 0, 0.5)]);
        var advice = policy.Advice(state);
        var before = state.Shared[0] - state.Shared[1];
        var shareBefore = policy.LearnerShares(state)[0];
        policy.Train(state, [new(0, 0, 0.8)]);
        Assert.Equal(-0.1 * (advice[0][0] - advice[1][0]) / 0.8, state.Shared[0] - state.Shared[1] - before, 12);
        Assert.True(advice[0][0] > advice[1][0], "UCB1 plays arm 0 always, ε-greedy explores");
        Assert.True(policy.LearnerShares(state)[0] < shareBefore);
    }

    [Fact]
    public void Zero_exploration_plays_the_most_likely_arm()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 9, 1), .. Outcomes(1, 1, 9)]);
        Assert.Equal(new Selection(0, 1.0), Policy.Select(Policy.CreateSnapshot(state), [], [], 0, new Random(15)));
    }

    [Fact]
    public void Added_arm_gets_fresh_learner_statistics_and_advice_on_the_next_snapshot()
    {
        var state = Policy.CreateState(1);
        Policy.Train(state, [new(0, 1, 1)]);
        Policy.AddArm(state);
        Assert.Equal([1.0, 1.0, 0.0, 0.0, 0.0, 0.0], state.Arms[1][3..]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.True(snapshot.Arms[1][0] > 0, "UCB1 and ε-greedy try the unplayed arm first");
        Assert.Equal(1, Policy.Select(snapshot, [], [true], 1, new Random(16))!.Value.Arm);
        Assert.Null(Policy.Select(snapshot, [], [true, true], 1, new Random(16)));
    }

    [Fact]
    public void Replaying_the_same_events_gives_the_same_state()
    {
        TrainingEvent[] events = [.. Outcomes(0, 30, 10), .. Outcomes(1, 10, 30)];
        var first = Policy.CreateState(2);
        var second = Policy.CreateState(2);
        foreach (var e in events)
        {
            Policy.Train(first, [e]);
            Policy.Train(second, [e]);
            Policy.CreateSnapshot(second);
        }

        // Shared = [ln w × 3, events, advice-is-current flag, Thompson's counter]: only the flag may differ,
        // since building a snapshot computes the advice early.
        Assert.Equal(first.Shared[..4], second.Shared[..4]);
        Assert.Equal(first.Shared[5..], second.Shared[5..]);
        Assert.Equal(first.Arms[1], second.Arms[1]);
    }

    [Theory]
    [InlineData("learners", 0)]
    [InlineData("learners", 128)]
    [InlineData("learners", 2.5)]
    [InlineData("samples", 0.5)]
    [InlineData("eta", -1)]
    public void Bad_parameters_are_rejected_naming_the_field(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyCatalogue.Create("auto", new Dictionary<string, double> { [name] = value }));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    [Fact]
    public void Rewards_outside_the_unit_interval_are_rejected_naming_the_field()
    {
        Assert.Equal("reward", Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, 3))).Field);
    }
}
