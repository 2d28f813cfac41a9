namespace Orleans.Bandits.Policies.Tests.Adversarial;

public sealed class Exp3PolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("exp3");

    [Fact]
    public void A_reward_raises_the_log_weight_by_gamma_times_the_importance_weighted_reward_over_k()
    {
        var state = Policy.CreateState(2);
        // γ · (r / p) / K = 0.1 · (0.5 / 0.25) / 2 = 0.1.
        Policy.Train(state, [new(0, 0.5, Propensity: 0.25)]);
        Assert.Equal([1.0, 0.5], state.Arms[0]);
        Assert.Equal([0.0, 0.0], state.Arms[1]);

        // After the batch the weights are shifted so the heaviest is ln 1 = 0.
        Assert.Equal(0.0, state.Shared[0]);
        Assert.Equal(-0.1, state.Shared[1], 12);
    }

    [Fact]
    public void The_snapshot_holds_the_mixed_probabilities_of_the_paper()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 0.5, Propensity: 0.25)]);
        var snapshot = Policy.CreateSnapshot(state);

        // p_i = (1 − γ)·w_i / Σw + γ/K with w = (1, e^−0.1).
        var share = 1 / (1 + Math.Exp(-0.1));
        Assert.Equal((0.9 * share) + 0.05, snapshot.Arms[0][0], 12);
        Assert.Equal((0.9 * (1 - share)) + 0.05, snapshot.Arms[1][0], 12);
        Assert.Equal(1.0, snapshot.Arms[0][0] + snapshot.Arms[1][0], 12);
    }

    [Fact]
    public void An_event_without_a_logged_propensity_is_rejected_naming_the_field()
    {
        var state = Policy.CreateState(2);
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, 1)));
        Assert.Equal("propensity", error.Field);
        Assert.Contains("propensity", error.Message);
        Assert.Equal([0.0, 0.0], state.Shared);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Propensities_outside_zero_to_one_are_rejected(double propensity)
    {
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, 1, propensity)));
        Assert.Equal("propensity", error.Field);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Rewards_outside_the_unit_interval_are_rejected(double reward)
    {
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, reward, 0.5)));
        Assert.Equal("reward", error.Field);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(-0.5)]
    public void Gamma_outside_zero_to_one_is_rejected_naming_the_field(double gamma)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("exp3", new Dictionary<string, double> { ["gamma"] = gamma }));
        Assert.Equal("policy.params.gamma", error.Field);
    }

    [Fact]
    public void With_no_data_every_arm_is_equally_likely_and_nothing_is_nan()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(4));
        var random = new Random(1);
        for (var i = 0; i < 100; i++)
        {
            var selection = Policy.Select(snapshot, [], [], 1, random)!.Value;
            Assert.Equal(0.25, selection.Propensity!.Value, 12);
        }
    }

    [Fact]
    public void The_returned_propensity_is_the_renormalized_probability_and_matches_the_observed_frequency()
    {
        var (snapshot, _) = Trained();
        bool[] excluded = [false, true, false, false];
        var random = new Random(5);
        var propensities = new double[4];
        var counts = new int[4];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            var selection = Policy.Select(snapshot, [], excluded, 1, random)!.Value;
            Assert.NotEqual(1, selection.Arm);
            propensities[selection.Arm] = selection.Propensity!.Value;
            counts[selection.Arm]++;
        }

        var available = snapshot.Arms[0][0] + snapshot.Arms[2][0] + snapshot.Arms[3][0];
        Assert.Equal(1.0, propensities.Sum(), 12);
        foreach (var arm in new[] { 0, 2, 3 })
        {
            Assert.Equal(snapshot.Arms[arm][0] / available, propensities[arm], 12);

            // Binomial(200000, p): 5 standard deviations is a 1e-6 false-alarm tolerance.
            var p = propensities[arm];
            Assert.InRange(counts[arm], (draws * p) - (5 * Math.Sqrt(draws * p * (1 - p))), (draws * p) + (5 * Math.Sqrt(draws * p * (1 - p))));
        }
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var (snapshot, _) = Trained();
        var random = new Random(3);
        var seen = new HashSet<int>();

        // The mask is shorter than the arm count: arm 3 is not excluded.
        for (var i = 0; i < 1000; i++)
        {
            seen.Add(Policy.Select(snapshot, [], [true, false, true], 1, random)!.Value.Arm);
        }

        Assert.Equal([1, 3], seen.Order());

        Assert.Null(Policy.Select(snapshot, [], [true, true, true, true], 1, random));
        Assert.Null(Policy.Select(snapshot, [], [true, true, true, true], 0, random));
    }

    [Fact]
    public void Exploration_zero_plays_the_heaviest_weight_with_propensity_one()
    {
        var (snapshot, heaviest) = Trained();
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(new Selection(heaviest, 1.0), Policy.Select(snapshot, [], [], 0, random));
        }
    }

    [Fact]
    public void Exploration_scales_gamma_and_caps_it_at_one_which_is_uniform_play()
    {
        var (snapshot, heaviest) = Trained();
        var random = new Random(9);

        // γ·s = 0.1 · 20 is capped at 1: every available arm has probability 1/K.
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(0.25, Policy.Select(snapshot, [], [], 20, random)!.Value.Propensity!.Value, 12);
        }

        // s = 5: γ = 0.5, p = 0.5·share + 0.125.
        var expected = (0.5 * snapshot.Arms[heaviest][1]) + 0.125;
        double? seen = null;
        for (var i = 0; i < 1000 && seen is null; i++)
        {
            var selection = Policy.Select(snapshot, [], [], 5, random)!.Value;
            seen = selection.Arm == heaviest ? selection.Propensity : null;
        }

        Assert.Equal(expected, seen!.Value, 12);
    }

    [Fact]
    public void An_arm_added_at_runtime_extends_the_weights_and_starts_at_the_mean_weight()
    {
        var (_, _, state) = TrainedState();
        var before = state.Shared.ToArray();
        Policy.AddArm(state);

        Assert.Equal(5, state.ArmCount);
        Assert.Equal(5, state.Shared.Length);
        Assert.Equal(before, state.Shared[..4]);
        Assert.Equal(Math.Log(before.Average(Math.Exp)), state.Shared[4], 12);

        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(1.0, snapshot.Arms.Sum(a => a[0]), 12);
        Policy.Train(state, [new(4, 1, 0.2)]);
        Assert.Equal([1.0, 1.0], state.Arms[4]);
    }

    private static (PolicySnapshot Snapshot, int Heaviest) Trained()
    {
        var (snapshot, heaviest, _) = TrainedState();
        return (snapshot, heaviest);
    }

    private static (PolicySnapshot Snapshot, int Heaviest, PolicyState State) TrainedState()
    {
        var state = Policy.CreateState(4);
        Policy.Train(state, [new(0, 1, 0.25), new(1, 0.5, 0.25), new(2, 1, 0.1), new(3, 0, 0.25), new(2, 1, 0.5)]);
        return (Policy.CreateSnapshot(state), 2, state);
    }
}
