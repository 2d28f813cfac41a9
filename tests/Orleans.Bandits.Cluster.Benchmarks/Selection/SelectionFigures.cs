using System.Globalization;
using BenchmarkDotNet.Reports;

namespace Orleans.Bandits.Cluster.Benchmarks.Selection;

/// <summary>
/// The figures the benchmark exists for, computed from the summary: selections per second and
/// the throughput ratios b/a (what share of a bare grain call's rate a select keeps; target at
/// least 0.60) and c/b (how much faster the policy alone is than the full select). Each is
/// given from the mean and from the median: on a shared machine the mean carries every stall
/// another process caused, the median mostly does not.
/// </summary>
public static class SelectionFigures
{
    /// <summary>The share of the no-op call rate a select must keep.</summary>
    public const double TargetSelectToPing = 0.60;

    public static void Write(TextWriter output, Summary summary)
    {
        var times = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => (Mean: r.ResultStatistics!.Mean, Median: r.ResultStatistics!.Median));

        output.WriteLine();
        output.WriteLine("Selection figures (per call; throughput = 1 / time), mean | median:");
        foreach (var (method, time) in times)
        {
            output.WriteLine(Invariant($"  {method,-26} {time.Mean / 1000.0,9:F3} | {time.Median / 1000.0,9:F3} us  {1e9 / time.Mean,12:N0} | {1e9 / time.Median,12:N0} /s"));
        }

        Ratio(output, times, "b/a sequential", nameof(SelectionBenchmarks.Ping), nameof(SelectionBenchmarks.SelectorSelect), TargetSelectToPing);
        Ratio(output, times, "b/a 64 in flight", nameof(SelectionBenchmarks.PingConcurrent), nameof(SelectionBenchmarks.SelectorSelectConcurrent), TargetSelectToPing);
        Ratio(output, times, "c/b sequential", nameof(SelectionBenchmarks.SelectorSelect), nameof(SelectionBenchmarks.PolicySelect), null);
        Added(output, times, "sequential", nameof(SelectionBenchmarks.Ping), nameof(SelectionBenchmarks.SelectorSelect));
        Added(output, times, "64 in flight", nameof(SelectionBenchmarks.PingConcurrent), nameof(SelectionBenchmarks.SelectorSelectConcurrent));
    }

    /// <summary>Throughput of <paramref name="over"/> divided by throughput of <paramref name="under"/>, i.e. time(under) / time(over).</summary>
    private static void Ratio(TextWriter output, Dictionary<string, (double Mean, double Median)> times, string label, string under, string over, double? target)
    {
        if (!times.TryGetValue(under, out var u) || !times.TryGetValue(over, out var o))
        {
            return;
        }

        double byMean = u.Mean / o.Mean, byMedian = u.Median / o.Median;
        var verdict = target is { } t ? Invariant($"  (target >= {t:F2}: {Verdict(byMean, t)} by mean, {Verdict(byMedian, t)} by median)") : "";
        output.WriteLine(Invariant($"  {label,-18} throughput ratio {byMean:F3} | {byMedian:F3}{verdict}"));
    }

    /// <summary>What a select costs beyond the no-op call: the part the platform's own code is responsible for.</summary>
    private static void Added(TextWriter output, Dictionary<string, (double Mean, double Median)> times, string label, string ping, string select)
    {
        if (times.TryGetValue(ping, out var p) && times.TryGetValue(select, out var s))
        {
            output.WriteLine(Invariant($"  select adds {(s.Mean - p.Mean) / 1000.0:F3} | {(s.Median - p.Median) / 1000.0:F3} us per call over the no-op call ({label})"));
        }
    }

    private static string Verdict(double ratio, double target) => ratio >= target ? "met" : "MISSED";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
