namespace Orleans.Bandits.Grains.Selection.Gates;

/// <summary>A uniform draw among the arms a select may choose (not excluded, blocked or retired): the holdout's and the floor's.</summary>
public static class UniformArm
{
    /// <summary>How many arms may be chosen.</summary>
    public static int CountSelectable(ReadOnlySpan<bool> excluded)
    {
        var count = 0;
        foreach (var isExcluded in excluded)
        {
            count += isExcluded ? 0 : 1;
        }

        return count;
    }

    /// <summary>One of the <paramref name="selectable"/> arms, each with probability 1/<paramref name="selectable"/>.</summary>
    public static int Pick(ReadOnlySpan<bool> excluded, int selectable, Random random)
    {
        var pick = random.Next(selectable);
        for (var arm = 0; arm < excluded.Length; arm++)
        {
            if (!excluded[arm] && pick-- == 0)
            {
                return arm;
            }
        }

        throw new InvalidOperationException("Unreachable: a selectable arm was counted but not found.");
    }
}
