using Orleans.Bandits.Policies.Evaluation;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Evaluation;

/// <summary>
/// How often each estimator's 95 % interval covers a target's true value over <see cref="Seeds"/> seeded logs
/// of <see cref="Decisions"/> decisions (<see cref="LoggedWorld"/>): the target learns each log by replay,
/// its probabilities are estimated as <see cref="TargetProbabilities"/> does, and its true value on that log
/// is Σ π μ from the world's expected rewards, so every miss is the estimator's.
/// </summary>
/// <remarks>
/// The bar is 36 of 40 (90 %). With a correct interval each seed is covered with probability 0.95, and 40
/// seeds fall below 36 with probability P(Binomial(40, 0.05) ≥ 5) ≈ 0.14, so the bar leaves room for the
/// interval's approximations (the normal limit at n = 3,000, SNIPS's delta method) but not for a bias of the
/// order of the interval's half-width, which drives coverage far below it.
/// </remarks>
internal sealed class CoverageVerdict
{
    public const int Seeds = 40;
    public const int Decisions = 3_000;
    public const int Bar = 36;

    private static readonly OffPolicyEstimator[] All = [OffPolicyEstimator.Ips, OffPolicyEstimator.Snips, OffPolicyEstimator.DoublyRobust];

    private readonly Dictionary<OffPolicyEstimator, (int Covered, double MeanError, double MeanHalfWidth)> _results;

    private CoverageVerdict(string target, Dictionary<OffPolicyEstimator, (int, double, double)> results, double meanEffectiveSampleSize)
    {
        Target = target;
        _results = results;
        MeanEffectiveSampleSize = meanEffectiveSampleSize;
    }

    public string Target { get; }

    public double MeanEffectiveSampleSize { get; }

    /// <param name="target">The catalogue name of the target policy.</param>
    /// <param name="world">The world of a seed.</param>
    /// <param name="contextDimension">The target's context dimension (0 for a context-free target).</param>
    /// <param name="tamper">What the estimators are given of each logged decision: the decision itself, or a mutant's corruption of it.</param>
    /// <param name="rewardModel">DR's direct method.</param>
    public static CoverageVerdict Judge(string target, Func<IBanditEnvironment> world, int contextDimension, Func<LoggedDecision, LoggedDecision> tamper, IRewardModel rewardModel)
    {
        var policy = PolicyCatalogue.Create(target, (IReadOnlyDictionary<string, double[]>?)null, contextDimension);
        var estimation = new TargetEstimation(ContextualDraws: 20);
        var runs = new (OffPolicyEvaluation Evaluation, double Truth)[Seeds];
        Parallel.For(0, Seeds, index =>
        {
            var environment = world();
            var log = LoggedWorld.Log(environment, Decisions, seed: index + 1);
            var probabilities = TargetProbabilities.Estimate(policy, log.Decisions, environment.ArmCount, estimation);
            var evaluation = OffPolicyEvaluator.Evaluate([.. log.Decisions.Select(tamper)], probabilities, All, rewardModel);
            runs[index] = (evaluation, log.TrueValue(probabilities));
        });

        var results = All.ToDictionary(estimator => estimator, estimator =>
        {
            var estimates = runs.Select(r => (Estimate: r.Evaluation.Estimates.Single(e => e.Estimator == estimator), r.Truth)).ToArray();
            return (
                estimates.Count(e => e.Estimate.Lower <= e.Truth && e.Truth <= e.Estimate.Upper),
                estimates.Average(e => Math.Abs(e.Estimate.Value - e.Truth)),
                estimates.Average(e => (e.Estimate.Upper - e.Estimate.Lower) / 2));
        });
        return new CoverageVerdict(target, results, runs.Average(r => r.Evaluation.Estimates[0].EffectiveSampleSize));
    }

    public int Covered(OffPolicyEstimator estimator) => _results[estimator].Covered;

    public bool Holds(OffPolicyEstimator estimator) => Covered(estimator) >= Bar;

    public override string ToString() =>
        $"{Target} (mean effective sample size {MeanEffectiveSampleSize:F0} of {Decisions}): " + string.Join("; ", _results.Select(r =>
            $"{OffPolicyEstimatorNames.Name(r.Key)} covers {r.Value.Covered}/{Seeds} ({100.0 * r.Value.Covered / Seeds:F1} %), mean |error| {r.Value.MeanError:F4}, mean half-width {r.Value.MeanHalfWidth:F4}"));

    /// <summary>Reports every estimator, then asserts the listed ones reach the bar: the real estimators' side.</summary>
    public void AssertHolds(ITestOutputHelper output, params OffPolicyEstimator[] estimators)
    {
        output.WriteLine(ToString());
        Assert.All(estimators, estimator => Assert.True(Holds(estimator), $"{OffPolicyEstimatorNames.Name(estimator)} covers {Covered(estimator)}/{Seeds}, below {Bar}: {this}"));
    }

    /// <summary>Reports every estimator, then asserts the listed ones miss the bar: a mutant's side.</summary>
    public void AssertBroken(ITestOutputHelper output, params OffPolicyEstimator[] estimators)
    {
        output.WriteLine(ToString());
        Assert.All(estimators, estimator => Assert.False(Holds(estimator), $"the biased {OffPolicyEstimatorNames.Name(estimator)} still covers {Covered(estimator)}/{Seeds}, so the check cannot tell it from the real one: {this}"));
    }
}
