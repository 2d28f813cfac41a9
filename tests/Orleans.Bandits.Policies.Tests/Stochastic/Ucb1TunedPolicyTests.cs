using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class Ucb1TunedPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("ucb1-tuned");

    [Fact]
    public void Rewards_add_to_count_sum_and_sum_of_squares()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1), new(0, 0.5), new(1, 0)]);
        Assert.Equal([2.0, 1.5, 1.25], state.Arms[0]);
        Assert.Equal([1.0, 0.0, 0.0], state.Arms[1]);
    }

    [Fact]
    public void Bonus_uses_the_variance_bound_when_it_is_below_a_quarter()
    {
        // 1000 events at 0.5 on arm 0 (variance 0) and 10 on arm 1; t = 1010.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Enumerable.Repeat(new TrainingEvent(0, 0.5), 1000), .. Enumerable.Repeat(new TrainingEvent(1, 1.0), 10)]);
        var snapshot = Policy.CreateSnapshot(state);
        var logT = Math.Log(1010);

        var v = 0 + Math.Sqrt(2 * logT / 1000);
        Assert.True(v < 0.25);
        Assert.Equal(Math.Sqrt(logT / 1000 * v), snapshot.Arms[0][2], 12);
        // For arm 1 the variance bound √(2 ln t / 10) exceeds 1/4, so the cap applies.
        Assert.Equal(Math.Sqrt(logT / 10 * 0.25), snapshot.Arms[1][2], 12);
        Assert.True(snapshot.Arms[0][2] < Math.Sqrt(2 * logT / 1000));
    }

    [Fact]
    public void Unplayed_arms_are_played_first()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(1, 1)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(2, Policy.Select(snapshot, [], [], 1, new Random(1))!.Value.Arm);
    }

    [Fact]
    public void Exploration_zero_plays_the_best_mean_and_more_exploration_favours_the_less_known_arm()
    {
        // Arm 0: mean 0.6 over 100; arm 1: mean 0.5 over 4. t = 104.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 60, 40), .. Outcomes(1, 2, 2)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(2);
        Assert.Equal(0, Policy.Select(snapshot, [], [], 0, random)!.Value.Arm);
        Assert.Equal(1, Policy.Select(snapshot, [], [], 1, random)!.Value.Arm);
        Assert.Null(Policy.Select(snapshot, [], [true, true], 1, random));
    }

    [Fact]
    public void Rewards_above_one_are_rejected()
    {
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, 2)));
        Assert.Equal("reward", error.Field);
    }
}
