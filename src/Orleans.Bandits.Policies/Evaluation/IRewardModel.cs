namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// The direct method's reward model r̂(x, a) for doubly robust estimation: fitted on some logged decisions,
/// it predicts every arm's expected reward in the context of others. The estimator cross-fits it, so no
/// decision's prediction comes from a model that saw its reward.
/// </summary>
public interface IRewardModel
{
    /// <summary>
    /// Fits on <paramref name="training"/> and returns, for each of <paramref name="queries"/>, the predicted
    /// reward of every one of <paramref name="armCount"/> arms in that decision's context.
    /// </summary>
    double[][] FitAndPredict(IReadOnlyList<LoggedDecision> training, IReadOnlyList<LoggedDecision> queries, int armCount);
}
