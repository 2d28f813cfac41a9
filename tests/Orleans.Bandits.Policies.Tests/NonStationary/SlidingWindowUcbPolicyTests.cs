namespace Orleans.Bandits.Policies.Tests.NonStationary;

public sealed class SlidingWindowUcbPolicyTests
{
    private static IBanditPolicy Window(double window, double c = 1) =>
        PolicyCatalogue.Create("sliding-window-ucb", new Dictionary<string, double> { ["window"] = window, ["c"] = c });

    [Fact]
    public void Counts_and_sums_cover_only_the_last_w_events()
    {
        var policy = Window(3);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 0.5), new(1, 0.25), new(0, 1), new(1, 0.75)]);

        Assert.Equal([1.0, 1.0], state.Arms[0]);
        Assert.Equal([2.0, 1.0], state.Arms[1]);

        // Ring of (arm, reward): event 3 overwrote slot 0.
        Assert.Equal([4.0, 1, 0.75, 1, 0.25, 0, 1], state.Shared);
    }

    [Fact]
    public void The_bonus_is_c_times_root_log_of_min_t_and_w_over_n()
    {
        var policy = Window(4, c: 0.5);
        var state = policy.CreateState(2);
        policy.Train(state, [.. Enumerable.Repeat(new TrainingEvent(0, 1), 3), new(1, 0), new(1, 0.5), new(1, 1)]);

        // t = 6 events, W = 4: ln min(6, 4) = ln 4; arm 0 has 1 play left in the window, arm 1 has 3.
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal(1.0, snapshot.Arms[0][0]);
        Assert.Equal(1.0, snapshot.Arms[0][1]);
        Assert.Equal(0.5 * Math.Sqrt(Math.Log(4) / 1), snapshot.Arms[0][2], 12);
        Assert.Equal(3.0, snapshot.Arms[1][0]);
        Assert.Equal(0.5, snapshot.Arms[1][1], 12);
        Assert.Equal(0.5 * Math.Sqrt(Math.Log(4) / 3), snapshot.Arms[1][2], 12);
    }

    [Fact]
    public void An_arm_whose_plays_left_the_window_is_retried_first_and_its_sum_is_exactly_zero()
    {
        var policy = Window(3);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 0.1), new(1, 0.2), new(1, 0.3), new(1, 0.7)]);
        Assert.Equal([0.0, 0.0], state.Arms[0]);

        var snapshot = policy.CreateSnapshot(state);
        var random = new Random(1);
        Assert.Equal(0, policy.Select(snapshot, [], [], 1, random)!.Value.Arm);
        Assert.Equal(0, policy.Select(snapshot, [], [], 0, random)!.Value.Arm);
    }

    [Fact]
    public void Exploration_zero_plays_the_best_window_mean_and_more_exploration_favours_the_less_played()
    {
        var policy = Window(100);
        var state = policy.CreateState(2);
        policy.Train(state, [.. Enumerable.Repeat(new TrainingEvent(0, 0.6), 40), .. Enumerable.Repeat(new TrainingEvent(1, 0.5), 4)]);
        var snapshot = policy.CreateSnapshot(state);
        var random = new Random(2);
        Assert.Equal(0, policy.Select(snapshot, [], [], 0, random)!.Value.Arm);

        // Bonuses √(ln 44 / 40) ≈ 0.31 and √(ln 44 / 4) ≈ 0.97: at s = 1 the rarely played arm leads.
        Assert.Equal(1, policy.Select(snapshot, [], [], 1, random)!.Value.Arm);
    }

    [Theory]
    [InlineData("window", 0.5)]
    [InlineData("window", 0)]
    [InlineData("c", -1)]
    public void Invalid_parameters_are_rejected_naming_the_field(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("sliding-window-ucb", new Dictionary<string, double> { [name] = value }));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    [Fact]
    public void Rewards_outside_the_unit_interval_are_rejected()
    {
        var policy = Window(10);
        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1.5)));
        Assert.Equal("reward", error.Field);
    }

    [Fact]
    public void With_no_data_nothing_is_nan_and_excluded_arms_are_never_chosen()
    {
        var policy = Window(10);
        var snapshot = policy.CreateSnapshot(policy.CreateState(3));
        Assert.All(snapshot.Arms, a => Assert.All(a, v => Assert.False(double.IsNaN(v))));
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(1, policy.Select(snapshot, [], [true, false, true], 1, random)!.Value.Arm);
        }

        Assert.Null(policy.Select(snapshot, [], [true, true, true], 1, random));
    }
}
