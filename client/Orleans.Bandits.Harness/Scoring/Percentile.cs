namespace Orleans.Bandits.Harness.Scoring;

/// <summary>Sample percentiles by linear interpolation between order statistics (R's type 7, NumPy's default).</summary>
public static class Percentile
{
    /// <param name="values">Any order; not modified.</param>
    /// <param name="p">Between 0 and 1.</param>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
