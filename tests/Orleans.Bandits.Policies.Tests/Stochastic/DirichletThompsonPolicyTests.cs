using Orleans.Bandits.Policies.Stochastic;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class DirichletThompsonPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("dirichlet-thompson");

    [Fact]
    public void Default_values_are_zero_half_and_one_and_a_count_spreads_values_evenly()
    {
        Assert.Equal([0, 0.5, 1], ((DirichletThompsonPolicy)Policy).Values);
        var five = (DirichletThompsonPolicy)PolicyCatalogue.Create("dirichlet-thompson", new Dictionary<string, double[]> { ["values"] = [5] });
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], five.Values);
        var listed = (DirichletThompsonPolicy)PolicyCatalogue.Create("dirichlet-thompson", new Dictionary<string, double[]> { ["values"] = [-1, 2, 10] });
        Assert.Equal([-1, 2, 10], listed.Values);
    }

    [Fact]
    public void Each_reward_counts_in_its_category_on_top_of_the_prior()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1), new(0, 0.5), new(0, 1), new(1, 0)]);
        Assert.Equal([1.0, 2.0, 3.0], state.Arms[0]);
        Assert.Equal([2.0, 1.0, 1.0], state.Arms[1]);
    }

    [Fact]
    public void Zero_exploration_plays_the_posterior_mean_and_sampling_favours_it()
    {
        // Arm 0: Dirichlet(1, 11, 1), mean 0.5; arm 1: Dirichlet(6, 1, 6), mean 0.5 as well but spread:
        // greedy ties; arm 2: Dirichlet(1, 1, 11), mean ≈ 0.85, wins almost every draw.
        var state = Policy.CreateState(3);
        Policy.Train(state, [.. Enumerable.Repeat(new TrainingEvent(0, 0.5), 10), .. Enumerable.Repeat(new TrainingEvent(1, 0), 5), .. Enumerable.Repeat(new TrainingEvent(1, 1), 5), .. Enumerable.Repeat(new TrainingEvent(2, 1), 10)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(2, Policy.Select(snapshot, [], [], 0, new Random(7))!.Value.Arm);
        var sampled = Policy.Select(snapshot, [], [], 1, new Random(7))!.Value;
        Assert.Equal(2, sampled.Arm);
        Assert.InRange(sampled.Propensity!.Value, 0.9, 1.0);
        Assert.InRange(Counts(Policy, snapshot, [], 1, new Random(7), 1_000)[2], 900, 1_000);

        // Without arm 2 the two means tie; sampling prefers the spread-out arm 1 only when its draw is high.
        var withoutBest = new bool[] { false, false, true };
        var pick = new int[2];
        var random = new Random(8);
        for (var i = 0; i < 2_000; i++)
        {
            pick[Policy.Select(snapshot, [], withoutBest, 1, random)!.Value.Arm]++;
        }

        Assert.InRange(pick[1], 600, 1_400);
    }

    [Fact]
    public void Added_arm_starts_from_the_prior_and_excluded_arms_are_never_chosen()
    {
        var state = Policy.CreateState(1);
        Policy.Train(state, [new(0, 1)]);
        Policy.AddArm(state);
        Assert.Equal([1.0, 1.0, 1.0], state.Arms[1]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(1, Policy.Select(snapshot, [], [true, false], 1, new Random(9))!.Value.Arm);
        Assert.Null(Policy.Select(snapshot, [], [true, true], 1, new Random(9)));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(2.0)]
    [InlineData(double.NaN)]
    public void Rewards_that_are_not_a_declared_value_are_rejected_naming_the_field(double reward)
    {
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, reward)));
        Assert.Equal("reward", error.Field);
    }

    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 2.5 })]
    [InlineData(new[] { 0.0, 1.0, 0.0 })]
    public void Values_that_name_no_categories_are_rejected_naming_the_field(double[] values)
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyCatalogue.Create("dirichlet-thompson", new Dictionary<string, double[]> { ["values"] = values }));
        Assert.Equal("policy.params.values", error.Field);
    }
}
