using Orleans.Bandits.Cluster.Benchmarks.Measurement;

namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>What the visibility probes measured, in milliseconds, one value per probe.</summary>
/// <param name="Accepted">From sending one feedback until the call returned (accepted durably by the stream).</param>
/// <param name="Visible">From sending it until a selection was made on a snapshot that includes it.</param>
/// <param name="Load">The 1-minute load average during the probes.</param>
public sealed record VisibilityResult(double[] Accepted, double[] Visible, LoadAverage Load)
{
    public double AcceptedP50 => Percentile(Accepted, 0.50);

    public double AcceptedP99 => Percentile(Accepted, 0.99);

    public double VisibleP50 => Percentile(Visible, 0.50);

    public double VisibleP99 => Percentile(Visible, 0.99);

    public double VisibleMax => Visible.Max();

    /// <summary>Nearest rank: the smallest value with at least <paramref name="q"/> of the values at or below it.</summary>
    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
