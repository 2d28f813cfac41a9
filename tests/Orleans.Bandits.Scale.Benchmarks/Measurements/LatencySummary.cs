namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>Latencies of one call per experiment, in milliseconds, and the wall time of the whole pass.</summary>
public sealed record LatencySummary(int Calls, double P50Ms, double P99Ms, double MaxMs, double TotalSeconds)
{
    public double CallsPerSecond => Calls / TotalSeconds;

    public static LatencySummary Of(double[] latenciesMs, double totalSeconds)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencySummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], totalSeconds);
    }

    /// <summary>Nearest rank: the smallest latency that at least <paramref name="p"/> of the calls did not exceed.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
