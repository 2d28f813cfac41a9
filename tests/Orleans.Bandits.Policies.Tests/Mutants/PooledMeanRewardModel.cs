using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Policies.Tests.Mutants;

/// <summary>A direct method blind to the arm: every arm predicted at the mean training reward. Wrong whenever the arms differ.</summary>
internal sealed class PooledMeanRewardModel : IRewardModel
{
    public double[][] FitAndPredict(IReadOnlyList<LoggedDecision> training, IReadOnlyList<LoggedDecision> queries, int armCount)
    {
        var mean = training.Average(d => d.Reward);
        return [.. queries.Select(_ => Enumerable.Repeat(mean, armCount).ToArray())];
    }
}
