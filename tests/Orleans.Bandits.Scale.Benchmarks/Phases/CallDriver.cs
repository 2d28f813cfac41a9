using System.Diagnostics;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>Runs one call per item with a fixed number in flight, ticking a progress bar.</summary>
public sealed class CallDriver(int inFlight, CancellationToken cancellationToken)
{
    public Task ForEachAsync(int count, ProgressTask progress, Func<int, Task> call) =>
        Parallel.ForAsync(0, count, Options(cancellationToken), async (i, _) =>
        {
            await call(i);
            progress.Increment(1);
        });

    /// <summary>As <see cref="ForEachAsync"/>, but no new call starts once <paramref name="limit"/> has passed.</summary>
    /// <returns>How many calls completed (all of them when the limit was not reached).</returns>
    public async Task<int> ForEachWithinAsync(int count, TimeSpan limit, ProgressTask progress, Func<int, Task> call)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(limit);
        var completed = 0;
        try
        {
            await Parallel.ForAsync(0, count, Options(stop.Token), async (i, _) =>
            {
                await call(i);
                Interlocked.Increment(ref completed);
                progress.Increment(1);
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The limit: the calls already running finished, and the count says how far it got.
        }

        return completed;
    }

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

    private ParallelOptions Options(CancellationToken token) => new() { MaxDegreeOfParallelism = inFlight, CancellationToken = token };
}
