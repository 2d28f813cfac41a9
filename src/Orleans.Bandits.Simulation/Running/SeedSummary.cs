using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Simulation.Running;

/// <summary>
/// A measurement averaged over independent seeds, with a 95% confidence interval for its mean.
/// The interval uses Student's t with n − 1 degrees of freedom rather than the normal quantile:
/// simulations are run over a handful of seeds, where 1.96 would understate the uncertainty.
/// </summary>
/// <param name="Count">Number of seeds.</param>
/// <param name="Mean">Sample mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 denominator); 0 for one seed.</param>
/// <param name="HalfWidth95">Half-width of the 95% interval, <c>null</c> with fewer than two seeds (no spread to estimate).</param>
public sealed record SeedSummary(int Count, double Mean, double StandardDeviation, double? HalfWidth95)
{
    /// <summary>Describes the interval, for reports that must say how it was computed.</summary>
    public const string IntervalMethod = "95% CI, Student t over seeds";

    public double? Lower => Mean - HalfWidth95;

    public double? Upper => Mean + HalfWidth95;

    public static SeedSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A summary needs at least one value.", nameof(values));
        }

        var n = values.Count;
        var mean = values.Average();
        if (n == 1)
        {
            return new SeedSummary(1, mean, 0, null);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var deviation = Math.Sqrt(variance);
        var quantile = StudentT.InvCDF(0, 1, n - 1, 0.975);
        return new SeedSummary(n, mean, deviation, quantile * deviation / Math.Sqrt(n));
    }
}
