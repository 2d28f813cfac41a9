namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>Greedy choice on one number per arm, for the policies whose exploration 0 means "exploit" without an index of their own.</summary>
public static class GreedySelection
{
    /// <summary>
    /// The available arm with the highest empirical mean (each snapshot arm in the <see cref="RewardTally"/>
    /// layout); arms never played score +∞ so greedy play still tries each arm once. Ties break at
    /// random; the propensity is 1 / (number of tied arms), exactly.
    /// </summary>
    public static Selection? ByMean(PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, Random random)
    {
        var best = new BestArm();
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!BanditPolicy.IsExcluded(excluded, arm))
            {
                best.Offer(arm, RewardTally.MeanOrUntried(snapshot.Arms[arm]), random);
            }
        }

        return best.Choice(propensity: 1.0 / best.Ties);
    }

    /// <summary>
    /// The available arm with the largest value at <paramref name="valueIndex"/> of its snapshot
    /// vector (a weight, say), ties broken at random; the propensity is 1 / (number of tied arms), exactly.
    /// </summary>
    public static Selection? ByValue(PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, Random random, int valueIndex)
    {
        var best = new BestArm();
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!BanditPolicy.IsExcluded(excluded, arm))
            {
                best.Offer(arm, snapshot.Arms[arm][valueIndex], random);
            }
        }

        return best.Choice(propensity: 1.0 / best.Ties);
    }
}
