using Orleans.Bandits.Cluster.Benchmarks.Feedback;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>
/// Durable feedback against memory streams, in one run: for each scenario the memory setup and then the
/// Redis setup (a redis-server of this run's own, AOF everysec, the silo's Redis mode with its defaults),
/// each on a fresh one-silo cluster, measured publish → trained, and for Redis also checked persisted
/// (queues emptied by acknowledgements, a restarted cluster reads the exact counts back). Then the
/// visibility probes on each setup.
/// </summary>
public sealed class DurableFeedbackBenchmark(TextWriter log, bool quick)
{
    /// <summary>Probed concurrently, each with its own probes one after another.</summary>
    private const int ProbeExperiments = 20;

    private static readonly FeedbackScenario WarmUp = new(10, 1_000);

    public async Task<DurableResults> RunAsync()
    {
        // 1 and 100 experiments, as the production target is stated; sizes keep setup noise small and the run short.
        FeedbackScenario[] scenarios = quick
            ? [new(1, 10_000), new(100, 100)]
            : [new(1, 100_000), new(100, 2_000)];
        var probesPerExperiment = quick ? 5 : 15;
        var staleness = PolicyCatalogue.TryFind(ExperimentDefinition.DefaultPolicyName, out var thompson)
            ? thompson.Defaults
            : throw new InvalidOperationException("The catalogue has no default policy.");

        await using var redis = await RedisServer.StartAsync();
        log.WriteLine($"durable: redis-server on 127.0.0.1:{redis.Port} (AOF, appendfsync everysec)");

        // Short runs would otherwise measure the JIT's first tiers and the first clusters' start-up work.
        foreach (var backend in Enum.GetValues<FeedbackBackend>())
        {
            log.WriteLine($"durable {backend}: warm-up (not reported)");
            await MeasureThroughputAsync(backend, WarmUp, redis);
        }

        var throughput = new List<DurableThroughput>();
        foreach (var scenario in scenarios)
        {
            foreach (var backend in Enum.GetValues<FeedbackBackend>())
            {
                throughput.Add(await MeasureThroughputAsync(backend, scenario, redis));
            }
        }

        var visibility = new Dictionary<FeedbackBackend, VisibilityResult>();
        foreach (var backend in Enum.GetValues<FeedbackBackend>())
        {
            log.WriteLine($"durable {backend}: {ProbeExperiments * probesPerExperiment} visibility probes ...");
            await using var cluster = await StartAsync(backend, redis);
            visibility[backend] = await new VisibilityProbe(cluster).RunAsync(ProbeExperiments, probesPerExperiment, staleness.ReplicaTtl);
        }

        return new DurableResults(throughput, visibility, staleness);
    }

    private async Task<DurableThroughput> MeasureThroughputAsync(FeedbackBackend backend, FeedbackScenario scenario, RedisServer redis)
    {
        log.WriteLine($"durable {backend}: {scenario}");
        var cluster = await StartAsync(backend, redis);
        FeedbackResult result;
        try
        {
            result = await new FeedbackThroughput(cluster, log).RunAsync(scenario);
            if (backend == FeedbackBackend.Redis)
            {
                await PersistenceCheck.WaitUntilQueuesEmptyAsync(redis, cluster.ServiceId);
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        long? persisted = backend == FeedbackBackend.Redis
            ? await PersistenceCheck.ReadBackAsync(redis, cluster.ServiceId, cluster.ClusterId, scenario.EventsPerExperiment)
            : null;
        return new DurableThroughput(backend, result, persisted);
    }

    private static Task<BenchmarkCluster> StartAsync(FeedbackBackend backend, RedisServer redis) =>
        backend == FeedbackBackend.Redis ? BenchmarkCluster.StartRedisAsync(redis) : BenchmarkCluster.StartAsync();
}
