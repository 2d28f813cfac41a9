namespace Orleans.Bandits.Grains.Experiments;

/// <summary>The learned rewards of bandit-served and of holdout-served decisions, apart: what the uplift compares.</summary>
[GenerateSerializer, Alias("bandits.UpliftTotals")]
public sealed class UpliftTotals
{
    /// <summary>Two-sided 95 % quantile of the standard normal.</summary>
    private const double Z95 = 1.959963984540054;

    [Id(0)]
    public RewardMoments Bandit { get; set; } = new();

    [Id(1)]
    public RewardMoments Holdout { get; set; } = new();

    public void Learn(bool holdout, double reward) => (holdout ? Holdout : Bandit).Learn(reward);

    /// <summary>
    /// Bandit mean minus holdout mean with Welch's interval in its normal form: d ± z·√(s²_b/n_b + s²_h/n_h), the two
    /// groups' variances estimated apart (they differ: the bandit concentrates on few arms). The normal quantile in
    /// place of Student's t is what the per-arm intervals use; at the counts an uplift is read at the two agree to
    /// within a percent. <c>null</c> until each group has two events, the fewest a variance needs.
    /// </summary>
    public Uplift? Compute()
    {
        if (Bandit.Count < 2 || Holdout.Count < 2)
        {
            return null;
        }

        var difference = Bandit.Mean - Holdout.Mean;
        var half = Z95 * Math.Sqrt((Bandit.Variance / Bandit.Count) + (Holdout.Variance / Holdout.Count));
        return new Uplift(difference, difference - half, difference + half, Bandit.Mean, Holdout.Mean, Bandit.Count, Holdout.Count);
    }
}
