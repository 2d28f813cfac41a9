using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Cluster.Benchmarks.Measurement;

namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>
/// How long one feedback takes to show in selections. Each probe experiment receives nothing but its
/// probes, so its version moves only when a probe's event is trained: a probe reads the version, sends
/// one feedback, then selects every <see cref="PollInterval"/> until a selection is made on a snapshot
/// with a higher version. Several experiments are probed at once (their probes are independent), each
/// probe after a random pause so probes do not lock onto the phase of the replica's refresh timer.
/// </summary>
public sealed class VisibilityProbe(BenchmarkCluster cluster)
{
    private const int Arms = 2;

    /// <summary>The resolution of the measurement; finer polling only adds load.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>Far beyond the bound (replica TTL + training interval + 100 ms): a probe this slow is a bug, not a figure.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static int _runs;

    public async Task<VisibilityResult> RunAsync(int experiments, int probesPerExperiment, TimeSpan maxPause)
    {
        var run = Interlocked.Increment(ref _runs);
        var names = Enumerable.Range(0, experiments).Select(i => $"probe-{run}-{i}").ToArray();
        foreach (var name in names)
        {
            await cluster.CreateExperimentAsync(name, Arms);
        }

        var load = LoadAverageSampler.Start();
        var accepted = new ConcurrentBag<double>();
        var visible = new ConcurrentBag<double>();
        await Task.WhenAll(names.Select(async (name, index) =>
        {
            var random = new Random(index);
            for (var i = 0; i < probesPerExperiment; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * maxPause.TotalMilliseconds));
                var (acceptedMs, visibleMs) = await ProbeAsync(name);
                accepted.Add(acceptedMs);
                visible.Add(visibleMs);
            }
        }));
        return new VisibilityResult([.. accepted], [.. visible], await load.StopAsync());
    }

    private async Task<(double AcceptedMs, double VisibleMs)> ProbeAsync(string experiment)
    {
        var selection = await cluster.Client.SelectAsync(BenchmarkCluster.Tenant, experiment);
        var before = (await cluster.Client.GetExperimentAsync(BenchmarkCluster.Tenant, experiment)).Version;
        var feedback = new FeedbackRequest(selection.Token!, 1.0);

        var start = Stopwatch.GetTimestamp();
        await cluster.Client.FeedbackAsync(BenchmarkCluster.Tenant, feedback);
        var acceptedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        while ((await cluster.Client.SelectAsync(BenchmarkCluster.Tenant, experiment)).Version <= before)
        {
            if (Stopwatch.GetElapsedTime(start) > Limit)
            {
                throw new TimeoutException($"Feedback to {experiment} was not visible in a selection after {Limit.TotalSeconds} s.");
            }

            await Task.Delay(PollInterval);
        }

        return (acceptedMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
