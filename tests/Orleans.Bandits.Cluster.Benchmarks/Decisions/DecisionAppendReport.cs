using System.Globalization;

namespace Orleans.Bandits.Cluster.Benchmarks.Decisions;

/// <summary>The decision-append figures as a markdown table for RESULTS.md.</summary>
public static class DecisionAppendReport
{
    public static void Write(TextWriter output, IReadOnlyList<DecisionAppendResult> results)
    {
        output.WriteLine();
        output.WriteLine("| setup | scenario | selects answered/s | decisions appended/s (all counted in the log) | bytes per decision in Redis |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Backend} | {r.Scenario} | {r.SelectsPerSecond:N0} | {r.DecisionsPerSecond:N0} | {(r.BytesPerDecision is { } bytes ? bytes.ToString("N1", CultureInfo.InvariantCulture) : "—")} |"));
        }
    }
}
