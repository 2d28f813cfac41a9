using Orleans.Bandits.Policies.Contextual;

namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// r̂(x, a) = m + θₐ·(1, x): per-arm ridge regression of the reward on the context with an intercept, the
/// direct method for contextual policies. Rewards are centred on their overall training mean m first, so
/// the ridge penalty λ shrinks a little-played arm toward m rather than toward 0, and an arm with no
/// training decision is predicted at m. The regression is the one the linear policies learn (A⁻¹ kept by
/// Sherman–Morrison updates, θ = A⁻¹b), on the context with a constant 1 prepended.
/// </summary>
public sealed class RidgeRewardModel(int contextDimension, double lambda = 1) : IRewardModel
{
    public double[][] FitAndPredict(IReadOnlyList<LoggedDecision> training, IReadOnlyList<LoggedDecision> queries, int armCount)
    {
        var dimension = contextDimension + 1;
        var mean = training.Count > 0 ? training.Average(d => d.Reward) : 0;
        var arms = new double[armCount][];
        for (var arm = 0; arm < armCount; arm++)
        {
            arms[arm] = RidgeArm.New(dimension, lambda);
        }

        var features = new double[dimension];
        foreach (var decision in training)
        {
            Features(decision, features);
            RidgeArm.Learn(arms[decision.Arm], dimension, features, decision.Reward - mean);
        }

        var estimates = arms.Select(a => RidgeArm.SnapshotWithEstimate(a, dimension)).ToArray();
        var predictions = new double[queries.Count][];
        for (var q = 0; q < predictions.Length; q++)
        {
            Features(queries[q], features);
            predictions[q] = [.. estimates.Select(e => mean + RidgeArm.Dot(RidgeArm.Vector(e, dimension), features))];
        }

        return predictions;
    }

    /// <summary>(1, x) into <paramref name="features"/>.</summary>
    /// <exception cref="ArgumentException">The decision has no context of the model's length.</exception>
    private void Features(in LoggedDecision decision, double[] features)
    {
        if (decision.Context is not { } context || context.Length != contextDimension)
        {
            throw new ArgumentException($"The reward model needs every decision's context of length {contextDimension} (got {decision.Context?.Length ?? 0}).", nameof(decision));
        }

        features[0] = 1;
        context.CopyTo(features, 1);
    }
}
