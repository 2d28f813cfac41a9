namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// What posterior draws say about the arms of a context-free Thompson policy, both from the same draws (one value per
/// arm per draw, as a selection draws them at exploration 1): each arm's probability of being best, and its expected
/// loss E[max_j θ_j − θ_i], the reward given up in expectation by playing arm i instead of the best. With n draws the
/// standard error of a probability is at most 0.5/√n, and that of an expected loss is the standard deviation of the
/// shortfall max_j θ_j − θ_i over √n.
/// </summary>
public sealed class PosteriorSummary
{
    private PosteriorSummary(double?[] probabilityBest, double?[] expectedLoss)
    {
        ProbabilityBest = probabilityBest;
        ExpectedLoss = expectedLoss;
    }

    /// <summary>Per arm, in arm order; <c>null</c> for an excluded arm.</summary>
    public IReadOnlyList<double?> ProbabilityBest { get; }

    /// <summary>Per arm, in arm order; <c>null</c> for an excluded arm.</summary>
    public IReadOnlyList<double?> ExpectedLoss { get; }

    /// <summary>
    /// The summary from <paramref name="draws"/> draws, or <c>null</c> when the policy has no posterior to draw from
    /// (index policies, adversarial and contextual ones) or every arm is excluded.
    /// </summary>
    public static PosteriorSummary? Estimate(IBanditPolicy policy, PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, int draws, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var arms = snapshot.ArmCount;
        if (policy is not IndexPolicy { DrawsFromPosterior: true } sampler || !HasAvailableArm(excluded, arms))
        {
            return null;
        }

        var wins = new int[arms];
        var shortfall = new double[arms];
        var theta = new double[arms];
        for (var draw = 0; draw < draws; draw++)
        {
            var best = new BestArm();
            for (var arm = 0; arm < arms; arm++)
            {
                if (BanditPolicy.IsExcluded(excluded, arm))
                {
                    continue;
                }

                theta[arm] = sampler.DrawScore(snapshot, arm, 1.0, random);
                best.Offer(arm, theta[arm], random);
            }

            wins[best.Arm]++;
            for (var arm = 0; arm < arms; arm++)
            {
                if (!BanditPolicy.IsExcluded(excluded, arm))
                {
                    // The best arm's own shortfall is 0, also when its draw is +∞ (∞ − ∞ would be NaN).
                    shortfall[arm] += arm == best.Arm ? 0 : best.Score - theta[arm];
                }
            }
        }

        var probability = new double?[arms];
        var loss = new double?[arms];
        for (var arm = 0; arm < arms; arm++)
        {
            if (!BanditPolicy.IsExcluded(excluded, arm))
            {
                probability[arm] = (double)wins[arm] / draws;
                loss[arm] = shortfall[arm] / draws;
            }
        }

        return new PosteriorSummary(probability, loss);
    }

    private static bool HasAvailableArm(ReadOnlySpan<bool> excluded, int arms)
    {
        for (var arm = 0; arm < arms; arm++)
        {
            if (!BanditPolicy.IsExcluded(excluded, arm))
            {
                return true;
            }
        }

        return false;
    }
}
