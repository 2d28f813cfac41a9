namespace Orleans.Bandits.Cluster.Benchmarks.Measurement;

/// <summary>The 1-minute load average seen during a measurement: the machine is shared, so every figure carries it.</summary>
public sealed record LoadAverage(double Min, double Median, double Max)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Min:F1} / {Median:F1} / {Max:F1}");
}
