using Orleans.Bandits.Policies.Evaluation;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Evaluation;

/// <summary>
/// The estimators are honest: on seeded Bernoulli worlds whose every target's true value is known, logged by
/// ε-greedy, the 95 % intervals of SNIPS and DR cover the truth in at least 36 of 40 seeds (<see cref="CoverageVerdict"/>);
/// made biased, they do not.
/// </summary>
public sealed class OffPolicyCoverageTests(ITestOutputHelper output)
{
    /// <summary>Four Bernoulli arms with gaps of 0.05 to 0.15, so the learning targets stay uncertain for a while.</summary>
    private static readonly double[] Means = [0.3, 0.45, 0.5, 0.6];

    [Theory]
    [InlineData("thompson-beta")]
    [InlineData("ucb1")]
    [InlineData("softmax")]
    [InlineData("random")]
    public void Snips_and_doubly_robust_cover_the_true_value_of_a_context_free_target(string target) =>
        CoverageVerdict.Judge(target, Bernoulli, 0, d => d, new ArmMeanRewardModel())
            .AssertHolds(output, OffPolicyEstimator.Snips, OffPolicyEstimator.DoublyRobust);

    [Fact]
    public void Snips_and_doubly_robust_with_ridge_regression_cover_the_true_value_of_a_contextual_target()
    {
        // Rewards logistic in the context, the direct method linear: DR's model is misspecified and its
        // importance-weighted correction must carry it.
        CoverageVerdict.Judge("lin-ucb", Logistic, 3, d => d, new RidgeRewardModel(3))
            .AssertHolds(output, OffPolicyEstimator.Snips, OffPolicyEstimator.DoublyRobust);
    }

    [Fact]
    public void Ips_and_snips_with_the_propensities_ignored_miss_the_true_value()
    {
        // Every propensity read as 1/K: the logging policy's greedy arm (about 0.78 of the traffic) then counts
        // as a quarter, and the uniform target's estimate leans toward that arm's mean, about 0.1 off.
        CoverageVerdict.Judge("random", Bernoulli, 0, IgnoringPropensities, new ArmMeanRewardModel())
            .AssertBroken(output, OffPolicyEstimator.Ips, OffPolicyEstimator.Snips);
    }

    [Fact]
    public void Doubly_robust_with_the_propensities_ignored_and_a_model_blind_to_the_arm_misses_the_true_value()
    {
        // DR is biased only when both its halves are wrong: either one right keeps it honest, so both are broken.
        CoverageVerdict.Judge("random", Bernoulli, 0, IgnoringPropensities, new PooledMeanRewardModel())
            .AssertBroken(output, OffPolicyEstimator.DoublyRobust);
    }

    private static BernoulliEnvironment Bernoulli() => new(Means);

    /// <summary>Three arms, a two-dimensional context after the intercept, the hidden weights from seed 5 for every log.</summary>
    private static LogisticContextEnvironment Logistic() => new(arms: 3, dimension: 3, seed: 5);

    private static LoggedDecision IgnoringPropensities(LoggedDecision decision) => decision with { Propensity = 1.0 / Means.Length };
}
