namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// The per-arm statistics most context-free policies learn: [count, reward sum], persisted in this
/// order. A policy may keep more values after these two. Shared so every policy reads and writes
/// the layout the same way.
/// </summary>
public static class RewardTally
{
    public const int CountIndex = 0;

    public const int SumIndex = 1;

    /// <summary>An arm nothing has been learned about.</summary>
    public static double[] New() => [0, 0];

    /// <summary>Counts one event of the arm and its reward.</summary>
    public static void Add(double[] arm, double reward)
    {
        arm[CountIndex] += 1;
        arm[SumIndex] += reward;
    }

    /// <summary>The empirical mean, or +∞ for an arm never played so that greedy play still tries it.</summary>
    public static double MeanOrUntried(double[] arm) =>
        arm[CountIndex] > 0 ? arm[SumIndex] / arm[CountIndex] : double.PositiveInfinity;

    /// <summary>One snapshot arm per state arm: [<see cref="MeanOrUntried"/>].</summary>
    public static double[][] MeanArms(List<double[]> arms)
    {
        var means = new double[arms.Count][];
        for (var arm = 0; arm < means.Length; arm++)
        {
            means[arm] = [MeanOrUntried(arms[arm])];
        }

        return means;
    }

    /// <summary>The events learned over all arms, t.</summary>
    public static double TotalCount(List<double[]> arms)
    {
        var total = 0.0;
        foreach (var arm in arms)
        {
            total += arm[CountIndex];
        }

        return total;
    }
}
