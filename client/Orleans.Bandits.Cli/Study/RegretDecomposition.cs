namespace Orleans.Bandits.Cli.Study;

/// <summary>
/// The article's table from measured runs: ideal regret (a), batching overhead (b − a), delay
/// overhead (c − b), total distributed regret (c) and the overhead (c − a) / a. Differences are
/// taken per seed (each seed fixes the world's rewards and the delays), so the components add up
/// to the total seed by seed and therefore in the mean.
/// </summary>
public sealed record RegretDecomposition(
    SeedSummary Ideal,
    SeedSummary Batching,
    SeedSummary Delay,
    SeedSummary Total,
    SeedSummary OverheadPercent,
    double LaiRobbins)
{
    public static RegretDecomposition Of(IReadOnlyList<SeedRun> ideal, IReadOnlyList<SeedRun> batched, IReadOnlyList<SeedRun> delayed, double laiRobbins)
    {
        var a = Finals(ideal);
        var b = Finals(batched);
        var c = Finals(delayed);
        if (a.Length != b.Length || b.Length != c.Length)
        {
            throw new ArgumentException($"Every setting needs the same seeds (got {a.Length}, {b.Length}, {c.Length}).");
        }

        return new RegretDecomposition(
            SeedSummary.Of(a),
            SeedSummary.Of(a.Zip(b, (x, y) => y - x).ToArray()),
            SeedSummary.Of(b.Zip(c, (x, y) => y - x).ToArray()),
            SeedSummary.Of(c),
            RatioPercent(a, c),
            laiRobbins);
    }

    /// <summary>A component's share of the total distributed regret, as the article's "% of total" column.</summary>
    public double ShareOfTotal(double component) => Total.Mean != 0 ? component / Total.Mean * 100 : double.NaN;

    /// <summary>
    /// 100 · mean(c − a) / mean(a) with a delta-method interval: the ratio of two means is
    /// linearized per seed as zₛ = ((cₛ − aₛ) − R·aₛ) / mean(a), whose Student-t interval is the
    /// ratio's. It accounts for the uncertainty of the denominator as well as the numerator's.
    /// </summary>
    private static SeedSummary RatioPercent(double[] ideal, double[] distributed)
    {
        var meanIdeal = ideal.Average();
        var difference = distributed.Zip(ideal, (c, a) => c - a).ToArray();
        var ratio = difference.Average() / meanIdeal;
        var linearized = SeedSummary.Of(difference.Zip(ideal, (d, a) => (d - ratio * a) / meanIdeal * 100).ToArray());
        return new SeedSummary(ideal.Length, ratio * 100, linearized.StandardDeviation, linearized.HalfWidth95);
    }

    private static double[] Finals(IReadOnlyList<SeedRun> runs) => runs.OrderBy(r => r.Seed).Select(r => r.PseudoRegret).ToArray();
}
