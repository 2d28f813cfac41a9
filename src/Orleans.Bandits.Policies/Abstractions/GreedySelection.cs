namespace Orleans.Bandits.Policies;

/// <summary>Greedy choice on empirical means, shared by the policies whose exploration 0 means "exploit".</summary>
public static class GreedySelection
{
    /// <summary>
    /// The available arm with the highest empirical mean (each snapshot arm in the <see cref="RewardTally"/>
    /// layout); arms never played score +∞ so greedy play still tries each arm once. Ties break at random.
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

        return best.Choice(propensity: 1.0);
    }
}
