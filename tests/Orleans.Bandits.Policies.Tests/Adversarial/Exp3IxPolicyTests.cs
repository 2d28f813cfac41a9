using Orleans.Bandits.Policies.Adversarial;
using Orleans.Bandits.Policies.Tests.Helpers;

namespace Orleans.Bandits.Policies.Tests.Adversarial;

public sealed class Exp3IxPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("exp3-ix", new Dictionary<string, double> { ["eta"] = 0.5, ["gamma"] = 0.25 });

    [Fact]
    public void A_loss_lowers_the_log_weight_by_eta_times_the_implicit_exploration_estimate()
    {
        var state = Policy.CreateState(2);
        // η · (1 − r) / (p + γ) = 0.5 · 0.8 / (0.5 + 0.25) = 0.5333….
        Policy.Train(state, [new(0, 0.2, Propensity: 0.5)]);
        Assert.Equal([1.0, 0.2], state.Arms[0]);
        Assert.Equal(-0.4 / 0.75, state.Shared[0], 12);
        Assert.Equal(0.0, state.Shared[1]);
    }

    [Fact]
    public void A_full_reward_is_no_loss_and_leaves_the_weights_alone()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(1, 1, Propensity: 0.5)]);
        Assert.Equal([0.0, 0.0], state.Shared);
    }

    [Fact]
    public void Default_rates_are_those_of_neu_2015_for_the_horizon_and_arm_count()
    {
        var policy = (Exp3IxPolicy)PolicyCatalogue.Create("exp3-ix", new Dictionary<string, double> { ["horizon"] = 10_000 });
        var eta = Math.Sqrt(2 * Math.Log(10) / (10 * 10_000.0));
        Assert.Equal(eta, policy.LearningRate(10), 15);
        Assert.Equal(eta / 2, policy.ImplicitExploration(10), 15);

        // Arms added at runtime retune the rates.
        Assert.Equal(Math.Sqrt(2 * Math.Log(20) / (20 * 10_000.0)), policy.LearningRate(20), 15);
    }

    [Fact]
    public void An_event_without_a_logged_propensity_is_rejected_naming_the_field()
    {
        var state = Policy.CreateState(2);
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, 0)));
        Assert.Equal("propensity", error.Field);
        Assert.Equal([0.0, 0.0], state.Shared);
    }

    [Theory]
    [InlineData("eta", -0.1)]
    [InlineData("gamma", -1)]
    [InlineData("horizon", 0)]
    public void Out_of_range_parameters_are_rejected_naming_the_field(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("exp3-ix", new Dictionary<string, double> { [name] = value }));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    [Fact]
    public void Probabilities_are_proportional_to_the_weights_and_sum_to_one_over_available_arms()
    {
        var (snapshot, state) = Trained();
        bool[] excluded = [false, false, true, false];
        var weights = new[] { 0, 1, 3 }.Select(a => Math.Exp(state.Shared[a])).ToArray();
        var random = new Random(5);
        var propensities = new double[4];
        for (var i = 0; i < 10_000; i++)
        {
            var selection = Policy.Select(snapshot, [], excluded, 1, random)!.Value;
            Assert.NotEqual(2, selection.Arm);
            propensities[selection.Arm] = selection.Propensity!.Value;
        }

        Assert.Equal(1.0, propensities.Sum(), 12);
        Assert.Equal(weights[0] / weights.Sum(), propensities[0], 12);
        Assert.Equal(weights[1] / weights.Sum(), propensities[1], 12);
        Assert.Equal(weights[2] / weights.Sum(), propensities[3], 12);
    }

    [Fact]
    public void Arms_far_lighter_than_an_excluded_leader_are_still_chosen_without_nan()
    {
        var state = Policy.CreateState(3);
        // Arm 0 and 1 lose heavily: e^−4000 underflows, so probabilities must be taken relative to the available arms.
        Policy.Train(state, [.. Enumerable.Repeat(new TrainingEvent(0, 0, 1e-3), 6_000), .. Enumerable.Repeat(new TrainingEvent(1, 0, 1e-3), 6_000)]);
        var snapshot = Policy.CreateSnapshot(state);
        UniformChoice.AssertUniform(Policy, snapshot, [], [false, false, true], exploration: 1, seed: 1);
    }

    [Fact]
    public void With_no_data_every_arm_is_equally_likely()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(5));
        var selection = Policy.Select(snapshot, [], [], 1, new Random(2))!.Value;
        Assert.Equal(0.2, selection.Propensity!.Value, 12);
    }

    [Fact]
    public void Exploration_is_a_temperature_zero_plays_the_heaviest_and_large_flattens()
    {
        var (snapshot, state) = Trained();
        var heaviest = Array.IndexOf(state.Shared, state.Shared.Max());
        var random = new Random(7);
        Assert.Equal(new Selection(heaviest, 1.0), Policy.Select(snapshot, [], [], 0, random));

        // p ∝ w^(1/s): at s = 2 each weight enters as its square root.
        var roots = state.Shared.Select(l => Math.Exp(l / 2)).ToArray();
        var propensities = new double[4];
        for (var i = 0; i < 10_000; i++)
        {
            var selection = Policy.Select(snapshot, [], [], 2, random)!.Value;
            propensities[selection.Arm] = selection.Propensity!.Value;
        }

        for (var arm = 0; arm < 4; arm++)
        {
            Assert.Equal(roots[arm] / roots.Sum(), propensities[arm], 12);
        }

        // At s = 10⁶ play is uniform to within 10⁻⁵.
        Assert.Equal(0.25, Policy.Select(snapshot, [], [], 1e6, random)!.Value.Propensity!.Value, 5);
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var (snapshot, _) = Trained();
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(1, Policy.Select(snapshot, [], [true, false, true, true], 1, random)!.Value.Arm);
        }

        Assert.Null(Policy.Select(snapshot, [], [true, true, true, true], 1, random));
    }

    [Fact]
    public void An_arm_added_at_runtime_extends_the_weights_and_starts_at_the_mean_weight()
    {
        var (_, state) = Trained();
        var before = state.Shared.ToArray();
        Policy.AddArm(state);
        Assert.Equal(5, state.Shared.Length);
        Assert.Equal(before, state.Shared[..4]);
        Assert.Equal(Math.Log(before.Average(Math.Exp)), state.Shared[4], 12);
        Assert.NotNull(Policy.Select(Policy.CreateSnapshot(state), [], [true, true, true, true], 1, new Random(1)));
    }

    private static (PolicySnapshot Snapshot, PolicyState State) Trained()
    {
        var state = Policy.CreateState(4);
        Policy.Train(state, [new(0, 0, 0.25), new(1, 0.5, 0.25), new(2, 1, 0.25), new(3, 0.2, 0.5)]);
        return (Policy.CreateSnapshot(state), state);
    }
}
