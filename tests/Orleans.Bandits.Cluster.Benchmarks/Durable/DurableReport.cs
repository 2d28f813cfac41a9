using System.Globalization;
using Orleans.Bandits.Cluster.Benchmarks.Feedback;

namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>Prints the durable figures as markdown tables, ready to paste into RESULTS.md.</summary>
public static class DurableReport
{
    /// <summary>The production target on this 2-core machine, end to end.</summary>
    public const double TargetEventsPerSecond = 20_000;

    /// <summary>Commands rarer than this (per 1,000 events in every run) are left out of the profile.</summary>
    private const double MinCallsPerThousand = 0.5;

    public static void Write(TextWriter output, DurableResults results)
    {
        output.WriteLine();
        output.WriteLine($"Durable feedback, end to end ({FeedbackThroughput.InFlight} calls in flight, {FeedbackThroughput.Arms} arms, Thompson-Beta):");
        output.WriteLine();
        output.WriteLine("| experiments | events | setup | accepted/s | **trained/s** | drain after last accept | events per training batch | duplicates | read back after restart | CPU µs/event (silo + Redis) | allocated KB/event, GCs | load (min / median / max) |");
        output.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var run in results.Throughput)
        {
            var r = run.Feedback;
            var persisted = run.PersistedEvents is { } events ? events.ToString("N0", CultureInfo.InvariantCulture) : "n/a (memory)";
            output.WriteLine(Invariant(
                $"| {r.Scenario.Experiments:N0} | {r.Scenario.TotalEvents:N0} | {run.Backend} | {r.AcceptedPerSecond:N0} | **{r.TrainedPerSecond:N0}** | {r.DrainSeconds:F2} s | {r.EventsPerBatch:F1} | {r.Duplicates:N0} | {persisted} | {r.Resources.ProcessCpuSeconds * 1e6 / r.Scenario.TotalEvents:F0} + {r.Resources.RedisCpuSeconds * 1e6 / r.Scenario.TotalEvents:F0} | {r.Resources.AllocatedBytes / 1024.0 / r.Scenario.TotalEvents:F1}, {r.Resources.Collections:N0} | {r.Resources.Load} |"));
        }

        output.WriteLine();
        foreach (var scenario in results.Throughput.GroupBy(t => t.Feedback.Scenario))
        {
            var memory = scenario.Single(t => t.Backend == FeedbackBackend.Memory).Feedback;
            var redis = scenario.Single(t => t.Backend == FeedbackBackend.Redis).Feedback;
            output.WriteLine(Invariant(
                $"- {scenario.Key}: Redis / memory trained/s = {redis.TrainedPerSecond / memory.TrainedPerSecond:F2}; target ≥ {TargetEventsPerSecond:N0}/s: {(redis.TrainedPerSecond >= TargetEventsPerSecond ? "met" : "**missed**")} ({redis.TrainedPerSecond:N0}/s)"));
        }

        WriteCommandProfile(output, results);
        WriteVisibility(output, results);
    }

    /// <summary>
    /// Redis commands per 1,000 events and Redis' time per call, one column per Redis run: which round
    /// trips the events cost (appends, reads, acknowledgements, state writes) and how heavy each was.
    /// </summary>
    private static void WriteCommandProfile(TextWriter output, DurableResults results)
    {
        var runs = results.Throughput.Where(t => t.Feedback.Resources.Commands is not null).Select(t => t.Feedback).ToList();
        var shown = runs
            .SelectMany(r => r.Resources.Commands!.Commands.Where(c => c.Value.Calls * 1000.0 / r.Scenario.TotalEvents >= MinCallsPerThousand).Select(c => c.Key))
            .Distinct()
            .OrderByDescending(c => runs.Max(r => r.Resources.Commands!.CallsOf(c) * 1000.0 / r.Scenario.TotalEvents))
            .ToList();
        output.WriteLine();
        output.WriteLine("Redis commands per 1,000 events (INFO commandstats, publish → trained) and Redis' time per call:");
        output.WriteLine();
        output.WriteLine($"| command | {string.Join(" | ", runs.Select(r => Invariant($"{r.Scenario.Experiments:N0} exp.: calls / 1k events | µs per call")))} |");
        output.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|---:|", runs.Count))}");
        foreach (var command in shown)
        {
            var cells = runs.Select(r =>
            {
                var (calls, microseconds) = r.Resources.Commands!.Commands.GetValueOrDefault(command);
                return Invariant($"{calls * 1000.0 / r.Scenario.TotalEvents:F1} | {(calls == 0 ? 0 : (double)microseconds / calls):F1}");
            });
            output.WriteLine($"| {command} | {string.Join(" | ", cells)} |");
        }

        output.WriteLine($"| **Redis busy in commands / Redis CPU / run** | {string.Join(" | ", runs.Select(r => Invariant($"{r.Resources.Commands!.TotalSeconds:F2} s | {r.Resources.RedisCpuSeconds:F2} s of {r.TrainedSeconds:F2} s")))} |");
        output.WriteLine($"| **bytes into Redis per event** | {string.Join(" | ", runs.Select(r => Invariant($"{r.Resources.Commands!.InputBytes / (double)r.Scenario.TotalEvents:N0} | ")))} |");
    }

    private static void WriteVisibility(TextWriter output, DurableResults results)
    {
        output.WriteLine();
        output.WriteLine(Invariant(
            $"Publish → visible in a selection (replica TTL {results.Staleness.ReplicaTtl.TotalMilliseconds:F0} ms, training interval {results.Staleness.TrainingInterval.TotalMilliseconds:F0} ms; bound TTL + interval + 100 ms = {results.VisibilityBoundMs:F0} ms), idle cluster:"));
        output.WriteLine();
        output.WriteLine("| setup | probes | accepted p50 | accepted p99 | visible p50 | **visible p99** | visible max | p99 within bound | load (min / median / max) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var (backend, v) in results.Visibility)
        {
            output.WriteLine(Invariant(
                $"| {backend} | {v.Visible.Length} | {v.AcceptedP50:F1} ms | {v.AcceptedP99:F1} ms | {v.VisibleP50:F0} ms | **{v.VisibleP99:F0} ms** | {v.VisibleMax:F0} ms | {(v.VisibleP99 <= results.VisibilityBoundMs ? "yes" : "**no**")} | {v.Load} |"));
        }

        var memory = results.Visibility[FeedbackBackend.Memory];
        var redis = results.Visibility[FeedbackBackend.Redis];
        output.WriteLine();
        output.WriteLine(Invariant(
            $"- Added by Redis: p50 {Signed(redis.VisibleP50 - memory.VisibleP50, 0)} ms, p99 {Signed(redis.VisibleP99 - memory.VisibleP99, 0)} ms (visible); accepting one event: p50 {Signed(redis.AcceptedP50 - memory.AcceptedP50, 1)} ms, p99 {Signed(redis.AcceptedP99 - memory.AcceptedP99, 1)} ms."));
    }

    /// <summary>A difference with its sign, rounded first so that a tiny negative shows as 0, not -0.</summary>
    private static string Signed(double value, int decimals) =>
        Math.Round(value, decimals).ToString(decimals == 0 ? "+0;-0;0" : "+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
