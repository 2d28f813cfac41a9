using Orleans.Bandits.Cluster.Benchmarks.Durable;
using Orleans.Bandits.Cluster.Benchmarks.Feedback;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cluster.Benchmarks.Decisions;

/// <summary>
/// The decision log's appends in local mode (in memory) and in Redis mode (a redis-server of this run's own, AOF
/// everysec, the silo's Redis mode with its defaults), side by side: each scenario on a fresh one-silo cluster of
/// each setup, one after the other.
/// </summary>
public sealed class DecisionAppendBenchmark(TextWriter log, bool quick)
{
    private static readonly FeedbackScenario WarmUp = new(10, 500);

    public async Task<IReadOnlyList<DecisionAppendResult>> RunAsync()
    {
        FeedbackScenario[] scenarios = quick
            ? [new(1, 5_000), new(100, 50)]
            : [new(1, 50_000), new(100, 500)];

        await using var redis = await RedisServer.StartAsync();
        log.WriteLine($"decisions: redis-server on 127.0.0.1:{redis.Port} (AOF, appendfsync everysec)");
        foreach (var backend in Enum.GetValues<FeedbackBackend>())
        {
            log.WriteLine($"decisions {backend}: warm-up (not reported)");
            await MeasureAsync(backend, WarmUp, redis);
        }

        var results = new List<DecisionAppendResult>();
        foreach (var scenario in scenarios)
        {
            foreach (var backend in Enum.GetValues<FeedbackBackend>())
            {
                results.Add(await MeasureAsync(backend, scenario, redis));
            }
        }

        return results;
    }

    private async Task<DecisionAppendResult> MeasureAsync(FeedbackBackend backend, FeedbackScenario scenario, RedisServer redis)
    {
        await using var cluster = backend == FeedbackBackend.Redis ? await BenchmarkCluster.StartRedisAsync(redis) : await BenchmarkCluster.StartAsync();
        return await new DecisionAppendThroughput(cluster, log).RunAsync(backend, scenario);
    }
}
