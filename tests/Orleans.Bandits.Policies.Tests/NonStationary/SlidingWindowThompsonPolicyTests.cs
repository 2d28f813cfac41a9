using Orleans.Bandits.Policies.Tests.Helpers;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.NonStationary;

public sealed class SlidingWindowThompsonPolicyTests
{
    private static IBanditPolicy Window(double window) =>
        PolicyCatalogue.Create("sliding-window-thompson", new Dictionary<string, double> { ["window"] = window });

    [Fact]
    public void Only_the_last_w_events_are_counted()
    {
        var policy = Window(3);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(0, 1), new(1, 0), new(1, 1)]);

        // The first (0, success) has left the window of 3.
        Assert.Equal([1.0, 0.0], state.Arms[0]);
        Assert.Equal([1.0, 1.0], state.Arms[1]);

        // Ring: event 3 overwrote slot 0 with 2·1 + 1; slots 1 and 2 hold (0, success) and (1, failure).
        Assert.Equal([4.0, 3.0, 1.0, 2.0], state.Shared);

        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal([2.0, 1.0], snapshot.Arms[0]);
        Assert.Equal([2.0, 2.0], snapshot.Arms[1]);
    }

    [Fact]
    public void Counts_always_add_up_to_the_events_in_the_window()
    {
        var policy = Window(50);
        var state = policy.CreateState(3);
        var random = new Random(4);
        var batch = Enumerable.Range(0, 1_000).Select(_ => new TrainingEvent(random.Next(3), random.NextDouble())).ToArray();
        for (var i = 0; i < batch.Length; i += 37)
        {
            policy.Train(state, batch.AsSpan(i, Math.Min(37, batch.Length - i)));
            var learned = Math.Min(i + 37, batch.Length);
            Assert.Equal(Math.Min(learned, 50), state.Arms.Sum(a => a[0] + a[1]));
            Assert.All(state.Arms, a => Assert.True(a[0] >= 0 && a[1] >= 0));
        }
    }

    [Fact]
    public void Fractional_training_replays_to_the_same_state()
    {
        var policy = Window(20);
        var batch = Enumerable.Range(0, 500).Select(i => new TrainingEvent(i % 3, (i % 7) / 7.0)).ToArray();
        var first = policy.CreateState(3);
        var second = policy.CreateState(3);
        policy.Train(first, batch);
        policy.Train(second, batch);
        Assert.Equal(first.Arms, second.Arms);
        Assert.Equal(first.Shared, second.Shared);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Window_must_be_a_whole_number_in_range(double window)
    {
        var error = Assert.Throws<PolicyValidationException>(() => Window(window));
        Assert.Equal("policy.params.window", error.Field);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Rewards_outside_the_unit_interval_are_rejected(double reward)
    {
        var policy = Window(10);
        var state = policy.CreateState(2);
        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, reward)));
        Assert.Equal("reward", error.Field);
        Assert.Equal([0.0, 0.0], state.Arms[0]);
    }

    [Fact]
    public void With_no_data_every_arm_is_a_uniform_prior_and_nothing_is_nan()
    {
        var policy = Window(10);
        var snapshot = policy.CreateSnapshot(policy.CreateState(4));
        Assert.All(snapshot.Arms, a => Assert.Equal([1.0, 1.0], a));
        UniformChoice.AssertUniform(policy, snapshot, [], [], exploration: 1, seed: 1);

        // At exploration 0 every posterior mean is ½: a four-way tie, which must not fall to the first arm.
        UniformChoice.AssertUniform(policy, snapshot, [], [], exploration: 0, seed: 2);
    }

    [Fact]
    public void Exploration_zero_plays_the_best_posterior_mean_in_the_window()
    {
        var policy = Window(4);
        var state = policy.CreateState(2);

        // Arm 0 was better long ago; within the last 4 events arm 1 is.
        policy.Train(state, [new(0, 1), new(0, 1), new(0, 1), new(0, 0), new(1, 1), new(1, 1), new(0, 0)]);
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal([0, 100], Counts(policy, snapshot, [], 0, new Random(2), 100));
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var policy = Window(10);
        var snapshot = policy.CreateSnapshot(policy.CreateState(3));
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(1, policy.Select(snapshot, [], [true, false, true], 1, random)!.Value.Arm);
        }

        Assert.Null(policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void An_arm_added_at_runtime_joins_the_window()
    {
        var policy = Window(2);
        var state = policy.CreateState(1);
        policy.Train(state, [new(0, 1)]);
        policy.AddArm(state);
        policy.Train(state, [new(1, 1), new(1, 0)]);
        Assert.Equal([0.0, 0.0], state.Arms[0]);
        Assert.Equal([1.0, 1.0], state.Arms[1]);
    }
}
