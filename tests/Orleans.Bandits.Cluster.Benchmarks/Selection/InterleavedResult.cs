namespace Orleans.Bandits.Cluster.Benchmarks.Selection;

/// <summary>Median per-call times of the no-op call (a) and the select (b), measured in alternating blocks.</summary>
public sealed record InterleavedResult(string Label, int Rounds, int CallsPerBlock, double PingMicroseconds, double SelectMicroseconds)
{
    /// <summary>Select throughput over no-op call throughput.</summary>
    public double SelectToPing => PingMicroseconds / SelectMicroseconds;
}
