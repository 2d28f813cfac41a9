using System.Globalization;
using System.Text;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Grains.Selection;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Scale.Benchmarks.Phases;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Reporting;

/// <summary>
/// The results side by side, one column per scale: as a console table and as markdown for
/// RESULTS.md. A dash marks a figure the scale could not measure because its replica pass
/// stopped at the time limit.
/// </summary>
public sealed class ScaleReport(ScaleSettings settings, IReadOnlyList<ScaleResult> results)
{
    private static readonly FormattableString NotMeasured = $"—";

    /// <summary>Below this many refreshes a second, their CPU is lost in the silo's background noise.</summary>
    private const double MeaningfulRefreshRate = 1000;

    private static readonly TimeSpan ReplicaTtl = PolicyCatalogue.TryFind(ScaleRun.Policy, out var policy)
        ? policy.Defaults.ReplicaTtl
        : throw new InvalidOperationException($"{ScaleRun.Policy} is not in the policy catalogue.");

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
        yield return Row("create all: time (creates/s)", r => $"{r.CreateSeconds:F1} s ({r.Experiments / r.CreateSeconds:N0}/s)");
        yield return Row($"replica pass, one select per experiment (limit {settings.ReplicaLimit.TotalSeconds:N0} s)", r => r.AllReplicas
            ? (FormattableString)$"all in {r.ReplicaSeconds:F1} s ({r.Replicas / r.ReplicaSeconds:N0}/s)"
            : $"stopped at {r.Replicas:N0} ({r.Replicas / r.ReplicaSeconds:N0}/s)");
        yield return Row("memory per experiment grain: heap / working set", r => Memory(r.PerExperimentGrain));
        yield return Row("memory per selector replica: heap / working set", r => Memory(r.PerReplica));
        yield return Row("memory per experiment added by the feedback rounds (stream, pub-sub): heap / working set", r => r.PerStreamState is { } m ? Memory(m) : NotMeasured);
        yield return Row("memory per experiment, everything active: heap / working set", r => r.PerExperimentAllActive is { } m ? Memory(m) : NotMeasured);
        yield return Row("heap MB: empty silo → experiments → + replicas → + feedback → all deactivated", r =>
            $"{Mb(r.Baseline.HeapBytes)} → {Mb(r.WithExperiments.HeapBytes)} → {Mb(r.WithReplicas.HeapBytes)} → {(r.Serving is { } s ? Mb(s.AfterFeedback.HeapBytes) : "—")} → {Mb(r.AfterDeactivation.HeapBytes)}");
        yield return Row("working set MB: same points", r =>
            $"{Mb(r.Baseline.WorkingSetBytes)} → {Mb(r.WithExperiments.WorkingSetBytes)} → {Mb(r.WithReplicas.WorkingSetBytes)} → {(r.Serving is { } s ? Mb(s.AfterFeedback.WorkingSetBytes) : "—")} → {Mb(r.AfterDeactivation.WorkingSetBytes)}");
        yield return Row("activations after feedback: experiment / replica / other", r => r.Serving is { Active: var a }
            ? $"{a.Of(nameof(ExperimentGrain)):N0} / {a.Of(nameof(SelectorGrain)):N0} / {a.Total - a.Of(nameof(ExperimentGrain)) - a.Of(nameof(SelectorGrain)):N0}"
            : NotMeasured);
        yield return Row("Redis used_memory per experiment (keys)", r => $"{Size(r.RedisUsedMemory / r.Experiments)} ({r.RedisKeys:N0})");
        yield return Row($"idle CPU, % of {Environment.ProcessorCount} cores: experiments only / with replicas", r => $"{r.IdleExperiments.CpuPercent:F1} % / {r.IdleReplicas.CpuPercent:F1} %");
        yield return Row("grain messages/s with no requests: experiments only / with replicas", r => $"{r.IdleExperiments.LocalMessagesPerSecond:N0} / {r.IdleReplicas.LocalMessagesPerSecond:N0}");
        yield return Row($"replica refreshes/s with no requests: done / if every replica's timer ran (replicas ÷ TTL {ReplicaTtl.TotalMilliseconds:N0} ms)", r => $"{r.RefreshesPerSecond:N0} / {r.Replicas / ReplicaTtl.TotalSeconds:N0}");
        yield return Row("CPU per replica refresh (idle CPU the replicas add ÷ refreshes done)", r => r.RefreshesPerSecond >= MeaningfulRefreshRate
            ? (FormattableString)$"{r.RefreshCpuMicroseconds:N0} µs"
            : $"— (too few refreshes)");
        yield return Row($"select throughput ({settings.InFlight} in flight, uniform over experiments)", r => r.Serving is { } s ? $"{s.SelectionsPerSecond:N0}/s" : NotMeasured);
        yield return Row($"first feedback per experiment (opens its stream): accepted, {settings.InFlight} in flight", r => r.Serving is { } s ? $"{s.FirstFeedback.AcceptedPerSecond:N0}/s" : NotMeasured);
        yield return Row("first feedback: trained and persisted (first call → last trained)", r => r.Serving is { } s ? Trained(s.FirstFeedback) : NotMeasured);
        yield return Row($"steady feedback ({settings.FeedbackPerExperiment} more per experiment): accepted", r => r.Serving is { } s ? $"{s.SteadyFeedback.AcceptedPerSecond:N0}/s" : NotMeasured);
        yield return Row("steady feedback: trained and persisted (first call → last trained)", r => r.Serving is { } s ? Trained(s.SteadyFeedback) : NotMeasured);
        yield return Row("feedback retries, stream queue full (first / steady)", r => r.Serving is { } s ? $"{s.FirstFeedback.Retries:N0} / {s.SteadyFeedback.Retries:N0}" : NotMeasured);
        yield return Row("feedback retries, call rejected by the runtime (first / steady)", r => r.Serving is { } s ? $"{s.FirstFeedback.Rejections:N0} / {s.SteadyFeedback.Rejections:N0}" : NotMeasured);
        yield return Row("deactivate every experiment and replica", r => $"{r.DeactivationSeconds:F1} s");
        yield return Row("first select per experiment from Redis: p50 / p99 / max", r => r.Serving is { } s ? Latencies(s.ColdSelect) : NotMeasured);
        yield return Row("first select per experiment from Redis: all (rate)", r => r.Serving is { } s ? Total(s.ColdSelect) : NotMeasured);
        yield return Row("first get per experiment from Redis: p50 / p99 / max", r => Latencies(r.ColdGet));
        yield return Row("first get per experiment from Redis: all (rate)", r => Total(r.ColdGet));
    }

    private static FormattableString Memory(MemorySample perItem) => $"{Size(perItem.HeapBytes)} / {Size(perItem.WorkingSetBytes)}";

    private static FormattableString Trained(FeedbackFigures f) => $"{f.TrainedPerSecond:N0}/s ({f.TrainedSeconds:F1} s for {f.Events:N0})";

    private static FormattableString Latencies(LatencySummary s) => $"{s.P50Ms:F2} / {s.P99Ms:F1} / {s.MaxMs:F0} ms";

    private static FormattableString Total(LatencySummary s) => $"{s.TotalSeconds:F1} s ({s.CallsPerSecond:N0}/s)";

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => Math.Abs(bytes) >= 10_240
        ? (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
