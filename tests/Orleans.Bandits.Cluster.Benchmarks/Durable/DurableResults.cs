namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>Everything one durable run measured, both setups side by side.</summary>
/// <param name="Throughput">Per scenario, memory then Redis.</param>
/// <param name="Visibility">The probes, per setup.</param>
/// <param name="Staleness">The probed policy's replica TTL and training interval: the visibility bound is their sum plus 100 ms.</param>
public sealed record DurableResults(
    IReadOnlyList<DurableThroughput> Throughput,
    IReadOnlyDictionary<FeedbackBackend, VisibilityResult> Visibility,
    OperationalDefaults Staleness)
{
    public double VisibilityBoundMs => Staleness.RefreshInterval.TotalMilliseconds + 100;
}
