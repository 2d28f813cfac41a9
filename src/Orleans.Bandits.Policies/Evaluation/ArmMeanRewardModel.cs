namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// r̂(x, a) = the mean training reward of arm a, whatever the context: the direct method for context-free
/// policies, where it is the right model of a stationary world. An arm with no training decision is
/// predicted at the mean over all of them.
/// </summary>
public sealed class ArmMeanRewardModel : IRewardModel
{
    public double[][] FitAndPredict(IReadOnlyList<LoggedDecision> training, IReadOnlyList<LoggedDecision> queries, int armCount)
    {
        var sums = new double[armCount];
        var counts = new int[armCount];
        foreach (var decision in training)
        {
            sums[decision.Arm] += decision.Reward;
            counts[decision.Arm]++;
        }

        var overall = training.Count > 0 ? sums.Sum() / training.Count : 0;
        var means = new double[armCount];
        for (var arm = 0; arm < armCount; arm++)
        {
            means[arm] = counts[arm] > 0 ? sums[arm] / counts[arm] : overall;
        }

        // Every query gets the same predictions; they are read, never written, so one array serves them all.
        return [.. queries.Select(_ => means)];
    }
}
