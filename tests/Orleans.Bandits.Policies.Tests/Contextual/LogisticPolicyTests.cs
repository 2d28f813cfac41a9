using static Orleans.Bandits.Policies.Tests.Contextual.LinearTestData;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.Contextual;

/// <summary>
/// GLM-UCB and logistic Thompson sampling share their model (<see cref="Orleans.Bandits.Policies.Contextual.LogisticRegressionPolicy"/>)
/// and differ only in how they explore around it, so each test runs on both.
/// </summary>
public sealed class LogisticPolicyTests
{
    private const int Dimension = 2;

    private static IBanditPolicy Create(string name) => PolicyCatalogue.Create(name, (IReadOnlyDictionary<string, double[]>?)null, Dimension);

    /// <summary>Arm 0 well known to succeed half the time along axis 0; arm 1 seen twice with successes, its estimate uncertain.</summary>
    private static PolicySnapshot WellKnownAgainstLittleKnown(IBanditPolicy policy)
    {
        var state = policy.CreateState(2);
        policy.Train(state, [.. Enumerable.Range(0, 400).Select(i => new TrainingEvent(0, i % 2, Context: Unit(0, Dimension))), new(1, 1, Context: Unit(1, Dimension)), new(1, 0, Context: Unit(1, Dimension))]);
        return policy.CreateSnapshot(state);
    }

    [Theory]
    [InlineData("glm-ucb")]
    [InlineData("logistic-thompson")]
    public void Snapshot_keeps_count_and_weights_and_a_matrix_for_exploration(string name)
    {
        var policy = Create(name);
        var state = policy.CreateState(1);
        policy.Train(state, [new(0, 1, Context: [1, 0]), new(0, 0, Context: [0, 1])]);
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal(2.0, snapshot.Arms[0][0]);
        Assert.True(snapshot.Arms[0][1] > 0 && snapshot.Arms[0][2] < 0, "a success along x₀ raises θ₀, a failure along x₁ lowers θ₁");
        Assert.Equal(1 + Dimension + 3, snapshot.Arms[0].Length);
    }

    [Theory]
    [InlineData("glm-ucb")]
    [InlineData("logistic-thompson")]
    public void Exploration_favours_the_uncertain_arm_and_zero_plays_the_estimate(string name)
    {
        var policy = Create(name);
        // Along (1, 1): arm 0's estimate is ≈ 0 with little spread, arm 1's is 0 with Σ ≈ I / 1.2; the exploration
        // term (confidence bonus or posterior draw) is what can put arm 1 ahead.
        var snapshot = WellKnownAgainstLittleKnown(policy);
        double[] context = [0.7, 0.7];
        var explored = Counts(policy, snapshot, context, 3, new Random(12), 1_000);
        Assert.InRange(explored[1], 300, 1_000);
        var greedy = policy.Select(snapshot, context, [], 0, new Random(12))!.Value;
        Assert.Null(greedy.Propensity);
        Assert.Equal(Math.Sign(Estimate(snapshot, 0, context) - Estimate(snapshot, 1, context)) > 0 ? 0 : 1, greedy.Arm);
    }

    [Theory]
    [InlineData("glm-ucb")]
    [InlineData("logistic-thompson")]
    public void Added_arm_starts_from_the_prior_and_excluded_arms_are_never_chosen(string name)
    {
        var policy = Create(name);
        var state = policy.CreateState(1);
        policy.Train(state, [new(0, 1, Context: [1, 0])]);
        policy.AddArm(state);
        Assert.Equal([0.0, 0.0, 0.0, 1.0, 0.0, 1.0], state.Arms[1]);
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal(1, policy.Select(snapshot, [1, 0], [true], 1, new Random(13))!.Value.Arm);
        Assert.Null(policy.Select(snapshot, [1, 0], [true, true], 1, new Random(13)));
    }

    [Theory]
    [InlineData("glm-ucb", "alpha")]
    [InlineData("logistic-thompson", "v")]
    public void Non_binary_rewards_wrong_contexts_and_bad_parameters_are_rejected_naming_the_field(string name, string exploration)
    {
        var policy = Create(name);
        var state = policy.CreateState(1);
        Assert.Equal("reward", Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 2, Context: [1, 0]))).Field);
        Assert.Equal("context", Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1, Context: [1]))).Field);
        Assert.Equal("context", Assert.Throws<PolicyValidationException>(() => policy.Select(policy.CreateSnapshot(state), [1, 2, 3], [], 1, new Random(1))).Field);
        Assert.Equal("policy.params.lambda", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create(name, new Dictionary<string, double> { ["lambda"] = 0 }, Dimension)).Field);
        Assert.Equal($"policy.params.{exploration}", Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create(name, new Dictionary<string, double> { [exploration] = -1 }, Dimension)).Field);
    }

    private static double Estimate(PolicySnapshot snapshot, int arm, double[] context) =>
        (snapshot.Arms[arm][1] * context[0]) + (snapshot.Arms[arm][2] * context[1]);
}
