namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// The 95 % interval of a mean of per-decision terms by the central limit theorem: mean ± z·s/√n, s the
/// sample standard deviation. The terms of an adaptive log are martingale differences rather than
/// independent draws (each logging choice depends on the past), for which the same limit holds.
/// </summary>
internal static class MeanInterval
{
    /// <summary>The two-sided 95 % standard normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The mean of at least two terms and the half-width of its interval.</summary>
    public static (double Mean, double HalfWidth) Of(ReadOnlySpan<double> terms)
    {
        var mean = 0.0;
        foreach (var term in terms)
        {
            mean += term;
        }

        mean /= terms.Length;
        var squares = 0.0;
        foreach (var term in terms)
        {
            squares += (term - mean) * (term - mean);
        }

        return (mean, Z95 * Math.Sqrt(squares / (terms.Length - 1) / terms.Length));
    }
}
