namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// Off-policy evaluation: what a target policy would have earned per decision on logged decisions, by IPS,
/// SNIPS and doubly robust estimation (<see cref="OffPolicyEstimator"/>), each with a 95 % interval and its
/// effective sample size, beside the logging policy's own value.
/// </summary>
/// <remarks>
/// <para>
/// Intervals: IPS and DR are means of per-decision terms, so their interval is the central limit theorem's,
/// mean ± 1.96·s/√n (<see cref="MeanInterval"/>). SNIPS is a ratio of means, R̄/W̄ with R̄ the mean of wᵢrᵢ and W̄
/// of wᵢ; the delta method gives its variance as that of the linearized terms wᵢ(rᵢ − V̂)/W̄, over n.
/// </para>
/// <para>
/// DR's reward model is cross-fitted on <see cref="Folds"/> folds (decision i in fold i mod 5, so every fold
/// spans the whole period): each decision's prediction comes from a model fitted on the other folds, so the
/// model's error is independent of the decision's own reward and the terms stay a mean the interval holds for.
/// </para>
/// <para>
/// The estimators need the logged propensities to be the probabilities the logging policy really chose with
/// (exact for ε-greedy, softmax, EXP3 and holdout traffic; estimated for Thompson sampling within the accuracy
/// the catalogue states), and the target to give probability only where the logging policy could choose.
/// </para>
/// </remarks>
public static class OffPolicyEvaluator
{
    /// <summary>Folds of the reward model's cross-fitting (fewer when the log is shorter).</summary>
    public const int Folds = 5;

    /// <summary>
    /// Evaluates a catalogue policy: its choice probabilities come from <see cref="TargetProbabilities"/> and DR's
    /// direct method is per-arm mean reward for a context-free target, per-arm ridge regression on the context
    /// for a contextual one.
    /// </summary>
    /// <exception cref="PolicyValidationException">A logged decision the target cannot learn.</exception>
    /// <exception cref="ArgumentException">Fewer than two decisions, or a decision or probability out of range.</exception>
    public static OffPolicyEvaluation Evaluate(IBanditPolicy target, IReadOnlyList<LoggedDecision> log, int armCount, IReadOnlyList<OffPolicyEstimator> estimators, TargetEstimation? estimation = null)
    {
        var probabilities = TargetProbabilities.Estimate(target, log, armCount, estimation ?? new TargetEstimation());
        IRewardModel model = target.ContextDimension > 0 ? new RidgeRewardModel(target.ContextDimension) : new ArmMeanRewardModel();
        return Evaluate(log, probabilities, estimators, model);
    }

    /// <summary>Evaluates a target given its probability of every arm for every logged decision.</summary>
    /// <param name="log">The logged decisions, at least two, in the order they were made.</param>
    /// <param name="targetProbabilities">π(a | xᵢ): one row per decision, one entry per arm, summing to at most 1.</param>
    /// <param name="estimators">The estimators wanted, in the order wanted.</param>
    /// <param name="rewardModel">DR's direct method.</param>
    /// <exception cref="ArgumentException">Fewer than two decisions, or a decision or probability out of range.</exception>
    public static OffPolicyEvaluation Evaluate(IReadOnlyList<LoggedDecision> log, IReadOnlyList<double[]> targetProbabilities, IReadOnlyList<OffPolicyEstimator> estimators, IRewardModel rewardModel)
    {
        Check(log, targetProbabilities);
        var count = log.Count;
        var rewards = new double[count];
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            rewards[i] = log[i].Reward;
            weights[i] = targetProbabilities[i][log[i].Arm] / log[i].Propensity;
        }

        var (loggedValue, loggedHalfWidth) = MeanInterval.Of(rewards);
        var effectiveSampleSize = EffectiveSampleSize(weights);
        var estimates = estimators.Select(estimator => estimator switch
        {
            OffPolicyEstimator.Ips => FromTerms(estimator, Ips(rewards, weights), effectiveSampleSize),
            OffPolicyEstimator.Snips => Snips(rewards, weights, effectiveSampleSize),
            OffPolicyEstimator.DoublyRobust => FromTerms(estimator, DoublyRobust(log, targetProbabilities, weights, rewardModel), effectiveSampleSize),
            _ => throw new ArgumentOutOfRangeException(nameof(estimators), estimator, "Unknown estimator."),
        }).ToArray();

        return new OffPolicyEvaluation(count, new LoggedPolicyValue(loggedValue, loggedValue - loggedHalfWidth, loggedValue + loggedHalfWidth), estimates);
    }

    private static double[] Ips(double[] rewards, double[] weights) => [.. rewards.Select((reward, i) => weights[i] * reward)];

    private static OffPolicyEstimate Snips(double[] rewards, double[] weights, double effectiveSampleSize)
    {
        var weightSum = weights.Sum();
        if (weightSum == 0)
        {
            return new OffPolicyEstimate(OffPolicyEstimator.Snips, double.NaN, double.NaN, double.NaN, 0);
        }

        var value = rewards.Select((reward, i) => weights[i] * reward).Sum() / weightSum;
        var meanWeight = weightSum / weights.Length;
        var squares = rewards.Select((reward, i) => weights[i] * (reward - value) / meanWeight).Sum(term => term * term);
        var halfWidth = MeanInterval.Z95 * Math.Sqrt(squares / (weights.Length - 1) / weights.Length);
        return new OffPolicyEstimate(OffPolicyEstimator.Snips, value, value - halfWidth, value + halfWidth, effectiveSampleSize);
    }

    /// <summary>Σₐ π(a | xᵢ) r̂ᵢ(a) + wᵢ (rᵢ − r̂ᵢ(aᵢ)) per decision, r̂ᵢ cross-fitted.</summary>
    private static double[] DoublyRobust(IReadOnlyList<LoggedDecision> log, IReadOnlyList<double[]> targetProbabilities, double[] weights, IRewardModel model)
    {
        var armCount = targetProbabilities[0].Length;
        var folds = Math.Min(Folds, log.Count);
        var terms = new double[log.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var inFold = Enumerable.Range(0, log.Count).Where(i => i % folds == fold).ToArray();
            var training = Enumerable.Range(0, log.Count).Where(i => i % folds != fold).Select(i => log[i]).ToArray();
            var predictions = model.FitAndPredict(training, [.. inFold.Select(i => log[i])], armCount);
            for (var q = 0; q < inFold.Length; q++)
            {
                var i = inFold[q];
                var predicted = predictions[q];
                var direct = 0.0;
                for (var arm = 0; arm < armCount; arm++)
                {
                    direct += targetProbabilities[i][arm] * predicted[arm];
                }

                terms[i] = direct + (weights[i] * (log[i].Reward - predicted[log[i].Arm]));
            }
        }

        return terms;
    }

    private static OffPolicyEstimate FromTerms(OffPolicyEstimator estimator, double[] terms, double effectiveSampleSize)
    {
        var (value, halfWidth) = MeanInterval.Of(terms);
        return new OffPolicyEstimate(estimator, value, value - halfWidth, value + halfWidth, effectiveSampleSize);
    }

    /// <summary>Kish's (Σ w)² / Σ w², 0 when every weight is 0.</summary>
    private static double EffectiveSampleSize(double[] weights)
    {
        var squares = weights.Sum(w => w * w);
        return squares > 0 ? weights.Sum() * weights.Sum() / squares : 0;
    }

    private static void Check(IReadOnlyList<LoggedDecision> log, IReadOnlyList<double[]> targetProbabilities)
    {
        if (log.Count < 2)
        {
            throw new ArgumentException($"An evaluation needs at least two decisions: one has no spread to build an interval from (got {log.Count}).", nameof(log));
        }

        if (targetProbabilities.Count != log.Count)
        {
            throw new ArgumentException($"One row of target probabilities is needed per decision ({log.Count}, got {targetProbabilities.Count}).", nameof(targetProbabilities));
        }

        var armCount = targetProbabilities[0].Length;
        for (var i = 0; i < log.Count; i++)
        {
            var decision = log[i];
            if (decision.Arm < 0 || decision.Arm >= armCount || !double.IsFinite(decision.Reward) || !(decision.Propensity is > 0 and <= 1))
            {
                throw new ArgumentException($"Decision {i} needs an arm in [0, {armCount}), a finite reward and a propensity in (0, 1] (got arm {decision.Arm}, reward {decision.Reward}, propensity {decision.Propensity}).", nameof(log));
            }

            var row = targetProbabilities[i];
            if (row.Length != armCount || row.Any(p => !(p is >= 0 and <= 1)) || row.Sum() > 1 + 1e-9)
            {
                throw new ArgumentException($"Target probabilities of decision {i} must be {armCount} numbers in [0, 1] summing to at most 1.", nameof(targetProbabilities));
            }
        }
    }
}
