using System.Diagnostics;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>Runs one call per item with a fixed number in flight, ticking a progress bar.</summary>
public sealed class CallDriver(int inFlight, CancellationToken cancellationToken)
{
    public Task ForEachAsync(int count, ProgressTask progress, Func<int, Task> call) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken }, async (i, _) =>
        {
            await call(i);
            progress.Increment(1);
        });

    /// <summary>As <see cref="ForEachAsync"/>, timing every call and the whole pass.</summary>
    public async Task<LatencySummary> TimeEachAsync(int count, ProgressTask progress, Func<int, Task> call)
    {
        var latencies = new double[count];
        var clock = Stopwatch.StartNew();
        await ForEachAsync(count, progress, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        return LatencySummary.Of(latencies, clock.Elapsed.TotalSeconds);
    }
}
