using System.Globalization;
using System.Text;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Selection;
using Orleans.Bandits.Grains.Tenants;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Scale.Benchmarks.Phases;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Reporting;

/// <summary>The results side by side, one column per scale: as a console table and as markdown for RESULTS.md.</summary>
public sealed class ScaleReport(ScaleSettings settings, IReadOnlyList<ScaleResult> results)
{
    public Table ToTable()
    {
        var table = new Table().Title("Scale: experiments active in one silo");
        table.AddColumn("measure");
        foreach (var result in results)
        {
            table.AddColumn(new TableColumn($"{result.Experiments:N0}").RightAligned());
        }

        foreach (var (label, values) in Rows())
        {
            table.AddRow([Markup.Escape(label), .. values.Select(Markup.Escape)]);
        }

        return table;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| measure | {string.Join(" | ", results.Select(r => $"{r.Experiments:N0} experiments"))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(results.Select(_ => "---:|"))}");
        foreach (var (label, values) in Rows())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {string.Join(" | ", values)} |");
        }

        return text.ToString();
    }

    private IEnumerable<(string Label, string[] Values)> Rows()
    {
        (string, string[]) Row(string label, Func<ScaleResult, FormattableString> value) =>
            (label, results.Select(r => FormattableString.Invariant(value(r))).ToArray());

        yield return Row("tenants × experiments each", r => $"{r.Tenants:N0} × {settings.ExperimentsPerTenant:N0}");
        yield return Row("create all: seconds (creates/s)", r => $"{r.CreateSeconds:F1} s ({r.Experiments / r.CreateSeconds:N0}/s)");
        yield return Row("memory per experiment grain: heap / working set", r => $"{Size(r.PerExperimentGrain.HeapBytes)} / {Size(r.PerExperimentGrain.WorkingSetBytes)}");
        yield return Row("memory per selector replica: heap / working set", r => $"{Size(r.PerReplica.HeapBytes)} / {Size(r.PerReplica.WorkingSetBytes)}");
        yield return Row("memory per experiment added by feedback (stream, pub-sub): heap / working set", r => $"{Size(r.PerStreamState.HeapBytes)} / {Size(r.PerStreamState.WorkingSetBytes)}");
        yield return Row("memory per experiment, all of it active: heap / working set", r => $"{Size(r.PerExperimentAllActive.HeapBytes)} / {Size(r.PerExperimentAllActive.WorkingSetBytes)}");
        yield return Row("heap: empty silo → all active → all deactivated", r => $"{Mb(r.Baseline.HeapBytes)} → {Mb(r.AfterFeedback.HeapBytes)} → {Mb(r.AfterDeactivation.HeapBytes)} MB");
        yield return Row("working set: empty silo → all active → all deactivated", r => $"{Mb(r.Baseline.WorkingSetBytes)} → {Mb(r.AfterFeedback.WorkingSetBytes)} → {Mb(r.AfterDeactivation.WorkingSetBytes)} MB");
        yield return Row("activations: experiment / replica / tenant / other (all)", r =>
            $"{r.Active.Of(nameof(ExperimentGrain)):N0} / {r.Active.Of(nameof(SelectorGrain)):N0} / {r.Active.Of(nameof(TenantGrain)):N0} / {r.Active.Total - r.Active.Of(nameof(ExperimentGrain)) - r.Active.Of(nameof(SelectorGrain)) - r.Active.Of(nameof(TenantGrain)):N0} ({r.Active.Total:N0})");
        yield return Row("Redis used_memory per experiment (keys)", r => $"{Size(r.RedisUsedMemory / r.Experiments)} ({r.RedisKeys:N0})");
        yield return Row($"idle CPU, % of {Environment.ProcessorCount} cores: experiments only → with replicas", r => $"{r.IdleCpuExperiments:F1} % → {r.IdleCpuReplicas:F1} %");
        yield return Row($"select throughput ({settings.InFlight} in flight, uniform over experiments)", r => $"{r.SelectionsPerSecond:N0}/s");
        yield return Row($"first feedback per experiment (opens its stream), {settings.InFlight} in flight: accepted", r => $"{r.FirstFeedback.AcceptedPerSecond:N0}/s");
        yield return Row("first feedback: trained and persisted (first call → last trained)", r => Trained(r.FirstFeedback));
        yield return Row($"steady feedback ({settings.FeedbackPerExperiment} more per experiment), {settings.InFlight} in flight: accepted", r => $"{r.SteadyFeedback.AcceptedPerSecond:N0}/s");
        yield return Row("steady feedback: trained and persisted (first call → last trained)", r => Trained(r.SteadyFeedback));
        yield return Row("feedback retries, stream queue full (first / steady)", r => $"{r.FirstFeedback.Retries:N0} / {r.SteadyFeedback.Retries:N0}");
        yield return Row("deactivate every experiment and replica", r => $"{r.DeactivationSeconds:F1} s");
        yield return Row("first select per experiment from Redis: p50 / p99 / max", r => Latencies(r.ColdSelect));
        yield return Row("first select per experiment from Redis: all (rate)", r => Total(r.ColdSelect));
        yield return Row("first get per experiment from Redis: p50 / p99 / max", r => Latencies(r.ColdGet));
        yield return Row("first get per experiment from Redis: all (rate)", r => Total(r.ColdGet));
    }

    private static FormattableString Trained(FeedbackFigures f) => $"{f.TrainedPerSecond:N0}/s ({f.TrainedSeconds:F1} s for {f.Events:N0})";

    private static FormattableString Latencies(LatencySummary s) => $"{s.P50Ms:F2} / {s.P99Ms:F1} / {s.MaxMs:F0} ms";

    private static FormattableString Total(LatencySummary s) => $"{s.TotalSeconds:F1} s ({s.CallsPerSecond:N0}/s)";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => Math.Abs(bytes) >= 10_240
        ? (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
