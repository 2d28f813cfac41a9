using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class ThompsonBetaPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("thompson-beta");

    [Fact]
    public void Binary_rewards_add_to_alpha_and_beta()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1), new(0, 1), new(0, 0), new(1, 0)]);
        Assert.Equal([3.0, 2.0], state.Arms[0]);
        Assert.Equal([1.0, 2.0], state.Arms[1]);
    }

    [Fact]
    public void Fractional_rewards_count_as_successes_in_proportion()
    {
        var state = Policy.CreateState(1);
        var batch = Enumerable.Repeat(new TrainingEvent(0, 0.3), 100_000).ToArray();
        Policy.Train(state, batch);
        var successes = state.Arms[0][0] - 1;
        // Binomial(100000, 0.3): standard deviation 145, so 5 sd is a 1e-6 false-alarm tolerance.
        Assert.InRange(successes, 30_000 - 5 * 145, 30_000 + 5 * 145);
        Assert.Equal(100_000.0, state.Arms[0][0] + state.Arms[0][1] - 2);
    }

    [Fact]
    public void Fractional_training_replays_to_the_same_state()
    {
        var batch = Enumerable.Range(0, 1000).Select(i => new TrainingEvent(i % 3, (i % 7) / 7.0)).ToArray();
        var first = Policy.CreateState(3);
        var second = Policy.CreateState(3);
        Policy.Train(first, batch);
        Policy.Train(second, batch);
        Assert.Equal(first.Arms, second.Arms);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rewards_outside_the_unit_interval_are_rejected(double reward)
    {
        var state = Policy.CreateState(2);
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, reward)));
        Assert.Equal("reward", error.Field);
        Assert.Equal([1.0, 1.0], state.Arms[0]);
    }

    [Fact]
    public void Exploration_zero_plays_the_best_posterior_mean()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(1, 0), new(2, 1), new(2, 1)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(2, Policy.Select(snapshot, [], [], 0, random)!.Value.Arm);
        }
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(3));
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(1, Policy.Select(snapshot, [], [true, false, true], 1, random)!.Value.Arm);
        }

        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void Wider_exploration_spreads_choices_between_close_arms()
    {
        var state = Policy.CreateState(2);
        // 12 of 20 against 10 of 20: close enough that the posteriors overlap.
        Policy.Train(state, [.. Outcomes(0, 12, 8), .. Outcomes(1, 10, 10)]);
        var snapshot = Policy.CreateSnapshot(state);

        double ShareOfWorseArm(double exploration) => Counts(Policy, snapshot, [], exploration, new Random(11), 20_000)[1] / 20_000.0;

        Assert.True(ShareOfWorseArm(3) > ShareOfWorseArm(1));
        Assert.True(ShareOfWorseArm(1) > ShareOfWorseArm(0.25));
    }
}
