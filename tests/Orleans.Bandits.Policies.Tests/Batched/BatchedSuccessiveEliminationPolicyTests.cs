using Orleans.Bandits.Policies.Batched;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Batched;

public sealed class BatchedSuccessiveEliminationPolicyTests
{
    /// <summary>T = 10,000, M = 3: a = T^(4/7) ≈ 193.1, grid 193, ⌊193.07·√193⌋ = 2,682, 10,000.</summary>
    private static readonly BatchedSuccessiveEliminationPolicy Policy = (BatchedSuccessiveEliminationPolicy)PolicyCatalogue.Create(
        "base", new Dictionary<string, double> { ["horizon"] = 10_000, ["batches"] = 3 });

    [Fact]
    public void Grid_is_the_minimax_grid_ending_at_the_horizon()
    {
        Assert.Equal([193, 2_682, 10_000], Policy.Grid);
    }

    [Fact]
    public void Active_arms_are_played_uniformly_with_the_exact_propensity()
    {
        var state = Policy.CreateState(4);
        var snapshot = Policy.CreateSnapshot(state);
        AssertClose([0.25, 0.25, 0.25, 0.25], Propensities(Policy, snapshot, [], 1));
        AssertClose([0, 1.0 / 3, 1.0 / 3, 1.0 / 3], Propensities(Policy, snapshot, [true], 1));
        Assert.Null(Policy.Select(snapshot, [], [true, true, true, true], 1, new Random(1)));
    }

    [Fact]
    public void A_clearly_worse_arm_is_eliminated_at_the_first_batch_end_and_not_before()
    {
        // 96 events each, arm 0 all successes and arm 1 all failures: a gap of 1 against the threshold
        // √(4 ln(10,000 · 2) / 96) ≈ 0.64. Nothing changes before the 193rd event ends batch 1.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Enumerable.Range(0, 96).SelectMany(_ => OnePerArm(1, 0))]);
        Assert.Equal(1.0, state.Arms[1][2]);
        Policy.Train(state, [new(0, 1)]);
        Assert.Equal(0.0, state.Arms[1][2]);
        Assert.Equal(1.0, state.Arms[0][2]);
        AssertClose([1, 0], Propensities(Policy, Policy.CreateSnapshot(state), [], 1));
    }

    [Fact]
    public void Close_arms_survive_and_the_best_is_committed_to_at_the_last_batch_end()
    {
        // Means 0.5 and about 0.33 over 1,340 events each: a gap of 0.17 is inside every threshold up to
        // t₂ = 2,682 (≈ 0.64 at t₁), so both stay active until the 2,682nd event commits to the better.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Enumerable.Range(0, 1_340).SelectMany(i => OnePerArm(i % 2, i % 3 == 0 ? 1 : 0))]);
        Assert.Equal([1.0, 1.0], state.Arms.Select(a => a[2]));
        Policy.Train(state, [new(0, 1), new(1, 0)]);
        Assert.Equal([1.0, 0.0], state.Arms.Select(a => a[2]));
        Assert.Equal(1.0, Policy.CreateSnapshot(state).Shared[0]);
    }

    [Fact]
    public void Zero_exploration_plays_the_best_active_mean_and_excluded_actives_fall_back_to_the_rest()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [.. Enumerable.Range(0, 97).SelectMany(_ => OnePerArm(1, 0.9, 0))]);
        Assert.Equal([1.0, 1.0, 0.0], state.Arms.Select(a => a[2]));
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(new Selection(0, 1.0), Policy.Select(snapshot, [], [], 0, new Random(2)));
        Assert.Equal(new Selection(2, 1.0), Policy.Select(snapshot, [], [true, true], 1, new Random(2)));
    }

    [Fact]
    public void Added_arm_is_active_and_unplayed()
    {
        var state = Policy.CreateState(1);
        Policy.Train(state, [new(0, 1)]);
        Policy.AddArm(state);
        Assert.Equal([0.0, 0.0, 1.0], state.Arms[1]);
        Assert.Equal(new Selection(1, 1.0), Policy.Select(Policy.CreateSnapshot(state), [], [], 0, new Random(3)));
    }

    [Fact]
    public void Invalid_reward_and_parameters_are_rejected_naming_the_field()
    {
        Assert.Equal("reward", Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, 2))).Field);
        Assert.Equal("policy.params.batches", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("base", new Dictionary<string, double> { ["batches"] = 2.5 })).Field);
        Assert.Equal("policy.params.batches", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("base", new Dictionary<string, double> { ["batches"] = 1 })).Field);
        Assert.Equal("policy.params.gamma", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("base", new Dictionary<string, double> { ["gamma"] = 0 })).Field);
    }
}
