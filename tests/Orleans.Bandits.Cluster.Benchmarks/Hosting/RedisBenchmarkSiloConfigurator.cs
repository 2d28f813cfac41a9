using Orleans.Bandits.Redis;
using Orleans.Hosting;

namespace Orleans.Bandits.Cluster.Benchmarks.Hosting;

/// <summary>
/// The silo as its Redis (production) mode builds it with no stream settings given: Redis clustering,
/// Redis grain storage and the durable Redis stream provider with its defaults. Failure detection and
/// timeouts stay at Orleans' defaults too; nothing is tuned for the benchmark.
/// </summary>
public sealed class RedisBenchmarkSiloConfigurator : BenchmarkSiloConfigurator
{
    /// <summary>The test cluster property that carries the connection string to the silo.</summary>
    public const string ConnectionStringKey = "Bandits:Redis:ConnectionString";

    protected override void AddProviders(ISiloBuilder silo) =>
        silo.AddBanditsRedisProviders(silo.Configuration[ConnectionStringKey]
            ?? throw new InvalidOperationException($"The benchmark cluster did not pass {ConnectionStringKey}."));
}
