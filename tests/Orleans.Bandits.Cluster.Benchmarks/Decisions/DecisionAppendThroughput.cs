using System.Diagnostics;
using Orleans.Bandits.Cluster.Benchmarks.Durable;
using Orleans.Bandits.Cluster.Benchmarks.Feedback;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using StackExchange.Redis;

namespace Orleans.Bandits.Cluster.Benchmarks.Decisions;

/// <summary>
/// Decisions appended per second (a figure to report, not a pass/fail test): every select hands its decision to the
/// silo's recorder, which appends them per experiment in batches (group commit). The clock runs from the first
/// select until every experiment's log counts all its decisions, which in Redis mode means they are in Redis.
/// </summary>
public sealed class DecisionAppendThroughput(BenchmarkCluster cluster, TextWriter log)
{
    private const int Arms = 10;

    /// <summary>Concurrent selects, like the request handlers of a busy web app.</summary>
    private const int InFlight = 64;

    /// <summary>A run whose decisions are not all counted by then is broken, not slow.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = InFlight };

    private static int _runs;

    public async Task<DecisionAppendResult> RunAsync(FeedbackBackend backend, FeedbackScenario scenario)
    {
        var run = Interlocked.Increment(ref _runs);
        var names = Enumerable.Range(0, scenario.Experiments).Select(i => $"decisions-{run}-{i}").ToArray();
        await Parallel.ForEachAsync(names, Parallelism, async (name, _) => await cluster.CreateExperimentAsync(name, Arms));

        log.WriteLine($"decisions {backend} {scenario}: selecting ...");
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, scenario.TotalEvents, Parallelism, async (k, _) =>
            await cluster.Client.SelectAsync(BenchmarkCluster.Tenant, names[k % names.Length]));
        var selectSeconds = clock.Elapsed.TotalSeconds;

        await WaitUntilAppendedAsync(names, scenario.EventsPerExperiment, clock);
        var appendedSeconds = clock.Elapsed.TotalSeconds;
        return new DecisionAppendResult(backend, scenario, selectSeconds, appendedSeconds, await StoredBytesAsync());
    }

    private async Task WaitUntilAppendedAsync(string[] names, int expected, Stopwatch clock)
    {
        var pending = names.ToList();
        while (pending.Count > 0)
        {
            var counts = await Task.WhenAll(pending.Select(async name => (name, (await cluster.Client.GetStatsAsync(BenchmarkCluster.Tenant, name)).Decisions)));
            if (counts.FirstOrDefault(c => c.Decisions > expected) is { name: not null } over)
            {
                throw new InvalidOperationException($"{over.name} counts {over.Decisions} decisions but only {expected} selects were made: double counting.");
            }

            pending = [.. counts.Where(c => c.Decisions < expected).Select(c => c.name)];
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"{pending.Count} experiment(s) still missing decisions after {Limit.TotalMinutes} min, e.g. {pending[0]}.");
            }

            if (pending.Count > 0)
            {
                await Task.Delay(PollInterval);
            }
        }
    }

    /// <summary>MEMORY USAGE of every decision stream of this cluster (<c>{serviceId}/decisions/…</c>), with all its entries sampled.</summary>
    private async Task<long?> StoredBytesAsync()
    {
        if (cluster.Redis is not { } redis)
        {
            return null;
        }

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var database = redis.Connection.GetDatabase();
        long bytes = 0;
        await foreach (var key in server.KeysAsync(pattern: $"{cluster.ServiceId}/decisions/*"))
        {
            bytes += (long)await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
        }

        log.WriteLine($"decisions: {bytes:N0} bytes in Redis decision streams");
        return bytes;
    }
}
