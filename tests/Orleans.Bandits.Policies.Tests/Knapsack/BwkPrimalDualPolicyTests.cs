using Orleans.Bandits.Policies.Knapsack;
using Orleans.Bandits.Policies.Tests.Helpers;

namespace Orleans.Bandits.Policies.Tests.Knapsack;

public sealed class BwkPrimalDualPolicyTests
{
    private static BwkPrimalDualPolicy Create(double[] budgets, double horizon = 100) =>
        (BwkPrimalDualPolicy)PolicyCatalogue.Create("bwk-primal-dual", new Dictionary<string, double[]> { ["budgets"] = budgets, ["horizon"] = [horizon] });

    [Fact]
    public void Learning_records_pulls_rewards_costs_and_spending_per_resource()
    {
        var policy = Create([10, 40]);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1, Costs: [1, 0.5]), new(1, 0, Costs: [0, 1]), new(0, 0.5, Costs: [0.25, 0])]);

        Assert.Equal([2.0, 1.5, 1.25, 0.5], state.Arms[0]);
        Assert.Equal([1.0, 0.0, 0.0, 1.0], state.Arms[1]);
        Assert.Equal(3.0, state.Shared[0]);
        Assert.Equal([1.25, 1.5], state.Shared[1..3]);
    }

    [Fact]
    public void Hedge_raises_the_time_price_by_b_over_t_per_event_and_a_resource_price_by_the_lcb_of_its_consumption()
    {
        // B = min(T, budgets) = 10, so ε = √(ln 2 / 10) and time costs B / T = 0.1 per event.
        var policy = Create([10], horizon: 100);
        Assert.Equal(Math.Sqrt(Math.Log(2) / 10), policy.Epsilon, 15);
        var step = Math.Log(1 + policy.Epsilon);

        // A first pull has no LCB to speak of (0): only time's price moves. Shifted so the largest is 0.
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1, Costs: [1])]);
        Assert.Equal(0.0, state.Shared[2]);
        Assert.Equal(-0.1 * step, state.Shared[3], 12);

        // After 400 pulls that each cost 1, the LCB is 1 − rad(1, 400) and the resource outprices time.
        policy.Train(state, [.. Enumerable.Repeat(new TrainingEvent(0, 1, Costs: [1]), 399)]);
        var before = state.Shared[3] - state.Shared[2];
        policy.Train(state, [new(0, 1, Costs: [1])]);
        var lower = 1 - BwkPrimalDualPolicy.Radius(1, 400, policy.RadiusConstant(2));
        Assert.Equal(step * (lower - 0.1), state.Shared[3] - state.Shared[2] - before, 12);
    }

    [Fact]
    public void The_snapshot_holds_means_normalized_costs_and_prices_that_sum_to_one()
    {
        // B = min(100, 20, 50) = 20: resource 2's costs are scaled by 20 / 50.
        var policy = Create([20, 50], horizon: 100);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1, Costs: [1, 1]), new(0, 0, Costs: [0, 1])]);
        var snapshot = policy.CreateSnapshot(state);

        Assert.Equal([2.0, 0.5, 0.5, 0.4], snapshot.Arms[0]);
        Assert.Equal([0.0, 0.0, 0.0, 0.0], snapshot.Arms[1]);
        Assert.Equal(1.0, snapshot.Shared[0]);
        Assert.Equal(policy.RadiusConstant(2), snapshot.Shared[1]);
        Assert.Equal(1.0, (snapshot.Shared[2] / 0.2) + snapshot.Shared[3] + snapshot.Shared[4], 12);
    }

    [Fact]
    public void No_arm_is_chosen_once_a_budget_cannot_pay_for_one_more_worst_case_event()
    {
        var policy = Create([3, 100]);
        var state = policy.CreateState(2);
        var random = new Random(1);
        policy.Train(state, [new(0, 1, Costs: [1, 0]), new(1, 1, Costs: [1, 0])]);

        // 1 unit left: one more event fits even if it costs the maximum.
        Assert.NotNull(policy.Select(policy.CreateSnapshot(state), [], [], 1, random));
        Assert.True(policy.CanAffordOneMore(state));

        policy.Train(state, [new(0, 1, Costs: [0.5, 0])]);
        Assert.False(policy.CanAffordOneMore(state));
        Assert.Null(policy.Select(policy.CreateSnapshot(state), [], [], 1, random));
        Assert.Null(policy.Select(policy.CreateSnapshot(state), [], [], 0, random));
    }

    [Fact]
    public void No_arm_is_chosen_after_the_horizon()
    {
        var policy = Create([1_000], horizon: 3);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1, Costs: [0]), new(1, 1, Costs: [0])]);
        Assert.NotNull(policy.Select(policy.CreateSnapshot(state), [], [], 1, new Random(1)));
        policy.Train(state, [new(0, 1, Costs: [0])]);
        Assert.Null(policy.Select(policy.CreateSnapshot(state), [], [], 1, new Random(1)));
    }

    [Fact]
    public void Arms_never_played_go_first_and_nothing_is_nan_with_no_data()
    {
        var policy = Create([50]);
        var state = policy.CreateState(3);
        var snapshot = policy.CreateSnapshot(state);
        Assert.All(snapshot.Shared, v => Assert.False(double.IsNaN(v)));
        UniformChoice.AssertUniform(policy, snapshot, [], [], exploration: 1, seed: 1);

        policy.Train(state, [new(0, 1, Costs: [0]), new(2, 1, Costs: [0])]);
        Assert.Equal(new Selection(1, null), policy.Select(policy.CreateSnapshot(state), [], [], 1, new Random(2)));
    }

    [Fact]
    public void Exploration_zero_plays_the_best_estimated_reward_per_cost_not_the_best_reward()
    {
        var policy = Create([1_000], horizon: 100_000);
        var state = policy.CreateState(2);

        // Arm 0 pays 0.9 and costs 0.9 per event; arm 1 pays 0.5 and costs 0.1.
        policy.Train(state, [.. Events(0, rewards: 9, costs: 9), .. Events(1, rewards: 5, costs: 1)]);
        var snapshot = policy.CreateSnapshot(state);
        var random = new Random(3);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1, policy.Select(snapshot, [], [], 0, random)!.Value.Arm);
        }

        Assert.Equal(0, policy.Select(snapshot, [], [false, true], 0, random)!.Value.Arm);
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var policy = Create([50]);
        var snapshot = policy.CreateSnapshot(policy.CreateState(3));
        var random = new Random(4);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1, policy.Select(snapshot, [], [true, false, true], 1, random)!.Value.Arm);
        }

        Assert.Null(policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void An_arm_added_at_runtime_has_a_cost_slot_per_resource_and_is_played_first()
    {
        var policy = Create([50, 60]);
        var state = policy.CreateState(1);
        policy.Train(state, [new(0, 1, Costs: [0, 0])]);
        policy.AddArm(state);
        Assert.Equal(4, state.Arms[1].Length);
        Assert.Equal(1, policy.Select(policy.CreateSnapshot(state), [], [], 1, new Random(5))!.Value.Arm);
    }

    [Fact]
    public void Events_without_costs_or_with_the_wrong_number_of_costs_are_rejected()
    {
        var policy = Create([50, 60]);
        var state = policy.CreateState(2);
        Assert.Equal("costs", Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1))).Field);
        Assert.Equal("costs", Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1, Costs: [0.5]))).Field);
        Assert.Equal(0.0, state.Shared[0]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Costs_outside_zero_to_one_are_rejected(double cost)
    {
        var policy = Create([50, 60]);
        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1, Costs: [0, cost])));
        Assert.Equal("costs", error.Field);
    }

    [Fact]
    public void Rewards_outside_the_unit_interval_are_rejected()
    {
        var policy = Create([50]);
        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 2, Costs: [0])));
        Assert.Equal("reward", error.Field);
    }

    [Theory]
    [InlineData("budgets", 0.5)]
    [InlineData("horizon", 0)]
    public void Out_of_range_parameters_are_rejected_naming_the_field(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("bwk-primal-dual", new Dictionary<string, double[]> { [name] = [value] }));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    [Fact]
    public void Budgets_must_be_a_non_empty_list_and_every_entry_is_checked()
    {
        Assert.Equal("policy.params.budgets", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("bwk-primal-dual", new Dictionary<string, double[]> { ["budgets"] = [] })).Field);
        Assert.Equal("policy.params.budgets", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("bwk-primal-dual", new Dictionary<string, double[]> { ["budgets"] = [100, 0] })).Field);
        Assert.Equal(3, Create([10, 20, 30]).ResourceCount);
    }

    /// <summary>Ten events of <paramref name="arm"/>: the first <paramref name="rewards"/> pay 1, the first <paramref name="costs"/> cost 1.</summary>
    private static IEnumerable<TrainingEvent> Events(int arm, int rewards, int costs) =>
        Enumerable.Range(0, 10).Select(i => new TrainingEvent(arm, i < rewards ? 1 : 0, Costs: [i < costs ? 1 : 0]));
}
