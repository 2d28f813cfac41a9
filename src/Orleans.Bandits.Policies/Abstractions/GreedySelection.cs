namespace Orleans.Bandits.Policies;

/// <summary>Greedy choice on empirical means, shared by the policies whose exploration 0 means "exploit".</summary>
public static class GreedySelection
{
    /// <summary>
    /// The available arm with the highest empirical mean (count and sum read from each arm vector);
    /// arms never played score +∞ so greedy play still tries each arm once. Ties break at random.
    /// </summary>
    public static Selection? ByMean(PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, Random random, int countIndex, int sumIndex)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var ties = 0;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (arm < excluded.Length && excluded[arm])
            {
                continue;
            }

            var stats = snapshot.Arms[arm];
            var score = stats[countIndex] > 0 ? stats[sumIndex] / stats[countIndex] : double.PositiveInfinity;
            if (best < 0 || score > bestScore)
            {
                best = arm;
                bestScore = score;
                ties = 1;
            }
            else if (score == bestScore && random.Next(++ties) == 0)
            {
                best = arm;
            }
        }

        return best < 0 ? null : new Selection(best, 1.0);
    }
}
