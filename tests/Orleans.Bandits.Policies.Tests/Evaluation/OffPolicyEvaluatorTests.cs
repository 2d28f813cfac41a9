using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Policies.Tests.Evaluation;

public sealed class OffPolicyEvaluatorTests
{
    private static readonly OffPolicyEstimator[] All = [OffPolicyEstimator.Ips, OffPolicyEstimator.Snips, OffPolicyEstimator.DoublyRobust];

    /// <summary>Four decisions over two arms, and a target that plays arm 0 nine times in ten.</summary>
    private static readonly LoggedDecision[] Log = [new(0, 1, 0.5), new(1, 0, 0.5), new(0, 0, 0.8), new(1, 1, 0.2)];

    private static readonly double[][] Target = [.. Log.Select(_ => new[] { 0.9, 0.1 })];

    [Fact]
    public void Estimates_are_the_textbook_formulas_worked_by_hand()
    {
        // Weights w = π(a)/μ = 1.8, 0.2, 1.125, 0.5.
        var evaluation = OffPolicyEvaluator.Evaluate(Log, Target, All, new ArmMeanRewardModel());
        var (ips, snips, dr) = (evaluation.Estimates[0], evaluation.Estimates[1], evaluation.Estimates[2]);

        // IPS = mean(w r) = (1.8 + 0.5) / 4; its interval is the CLT's on the terms 1.8, 0, 0, 0.5 (s = 0.85).
        Assert.Equal(0.575, ips.Value, 12);
        Assert.Equal(MeanInterval.Z95 * 0.85 / 2, ips.Upper - ips.Value, 12);

        // SNIPS = Σ w r / Σ w = 2.3 / 3.625; delta method: terms w(r − V)/w̄ with w̄ = 3.625/4, variance over n − 1 and n.
        var value = 2.3 / 3.625;
        double[] linearized = [1.8 * (1 - value), 0.2 * -value, 1.125 * -value, 0.5 * (1 - value)];
        var halfWidth = MeanInterval.Z95 * Math.Sqrt(linearized.Sum(t => (t / (3.625 / 4)) * (t / (3.625 / 4))) / 3 / 4);
        Assert.Equal(value, snips.Value, 12);
        Assert.Equal(halfWidth, snips.Upper - snips.Value, 12);

        // DR, four folds of one decision, arm means fitted on the other three: terms 1.85, 0.35, −0.175, 0.95.
        Assert.Equal(2.975 / 4, dr.Value, 12);

        // Kish: (Σ w)² / Σ w² = 3.625² / 4.795625, the same for every estimator.
        Assert.All(evaluation.Estimates, e => Assert.Equal(3.625 * 3.625 / 4.795625, e.EffectiveSampleSize, 12));

        // The logged value is the mean reward, 0.5, with s = √(1/3).
        Assert.Equal(0.5, evaluation.Logged.Value, 12);
        Assert.Equal(MeanInterval.Z95 * Math.Sqrt(1.0 / 3) / 2, evaluation.Logged.Upper - evaluation.Logged.Value, 12);
        Assert.Equal(4, evaluation.Events);
    }

    [Fact]
    public void The_logging_policy_evaluated_on_its_own_log_gets_its_logged_value_and_every_decision_as_evidence()
    {
        var onPolicy = Log.Select(d => d.Arm == 0 ? new[] { d.Propensity, 1 - d.Propensity } : [1 - d.Propensity, d.Propensity]).ToArray();
        var evaluation = OffPolicyEvaluator.Evaluate(Log, onPolicy, All, new ArmMeanRewardModel());

        Assert.Equal(evaluation.Logged.Value, evaluation.Estimates[0].Value, 12);
        Assert.Equal(evaluation.Logged.Value, evaluation.Estimates[1].Value, 12);
        Assert.All(evaluation.Estimates, e => Assert.Equal(Log.Length, e.EffectiveSampleSize, 12));
    }

    [Fact]
    public void A_target_that_makes_none_of_the_logged_choices_has_no_evidence_and_no_snips_estimate()
    {
        var elsewhere = Log.Select(d => d.Arm == 0 ? new[] { 0.0, 1.0 } : [1.0, 0.0]).ToArray();
        var evaluation = OffPolicyEvaluator.Evaluate(Log, elsewhere, All, new ArmMeanRewardModel());

        Assert.All(evaluation.Estimates, e => Assert.Equal(0, e.EffectiveSampleSize));
        Assert.True(double.IsNaN(evaluation.Estimates[1].Value));
    }

    [Fact]
    public void Unusable_input_is_refused_naming_the_decision()
    {
        Assert.Throws<ArgumentException>(() => OffPolicyEvaluator.Evaluate(Log[..1], Target[..1], All, new ArmMeanRewardModel()));
        var zero = Assert.Throws<ArgumentException>(() => OffPolicyEvaluator.Evaluate([Log[0], Log[1] with { Propensity = 0 }], Target[..2], All, new ArmMeanRewardModel()));
        Assert.Contains("Decision 1", zero.Message);
        var overfull = Assert.Throws<ArgumentException>(() => OffPolicyEvaluator.Evaluate(Log[..2], [[0.9, 0.1], [0.9, 0.2]], All, new ArmMeanRewardModel()));
        Assert.Contains("decision 1", overfull.Message);
    }

    [Theory]
    [InlineData(OffPolicyEstimator.Ips, "ips")]
    [InlineData(OffPolicyEstimator.Snips, "snips")]
    [InlineData(OffPolicyEstimator.DoublyRobust, "dr")]
    public void Estimators_go_by_their_wire_names(OffPolicyEstimator estimator, string name)
    {
        Assert.Equal(name, OffPolicyEstimatorNames.Name(estimator));
        Assert.True(OffPolicyEstimatorNames.TryParse(name, out var parsed));
        Assert.Equal(estimator, parsed);
        Assert.False(OffPolicyEstimatorNames.TryParse("DR", out _));
    }

    [Fact]
    public void Ridge_reward_model_recovers_each_arms_linear_reward_and_predicts_the_mean_for_an_arm_without_data()
    {
        // Arm 0 pays 0.2 + 0.5 x₁ − 0.3 x₂, arm 1 pays 0.7 − 0.4 x₁, noise-free; arm 2 is never played.
        var random = new Random(3);
        var training = Enumerable.Range(0, 400).Select(i =>
        {
            double[] x = [random.NextDouble(), random.NextDouble()];
            return i % 2 == 0 ? new LoggedDecision(0, 0.2 + (0.5 * x[0]) - (0.3 * x[1]), 0.5, x) : new LoggedDecision(1, 0.7 - (0.4 * x[0]), 0.5, x);
        }).ToArray();
        var query = new LoggedDecision(0, 0, 1, [0.5, 0.5]);

        var predicted = new RidgeRewardModel(2, lambda: 1e-6).FitAndPredict(training, [query], 3)[0];

        Assert.Equal(0.2 + 0.25 - 0.15, predicted[0], 6);
        Assert.Equal(0.7 - 0.2, predicted[1], 6);
        Assert.Equal(training.Average(d => d.Reward), predicted[2], 12);
    }
}
