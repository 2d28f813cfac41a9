using Orleans.Bandits.Redis.Hosting;
using Orleans.Bandits.Redis.Streams;

namespace Orleans.Bandits.Testing.Silos;

/// <summary>
/// A silo in production mode: Redis clustering, Redis grain storage and the durable Redis stream provider, on the
/// server whose connection string the cluster passes as <see cref="TestClusters.RedisConnectionStringKey"/>.
/// </summary>
public class RedisTestSilo : TestSilo
{
    protected override void AddProviders(ISiloBuilder silo) =>
        silo.AddBanditsRedisProviders(
            silo.Configuration[TestClusters.RedisConnectionStringKey] ?? throw new InvalidOperationException($"The cluster did not pass {TestClusters.RedisConnectionStringKey}."),
            ConfigureStreams);

    /// <summary>The stream settings; the provider's defaults unless a subclass changes them.</summary>
    protected virtual void ConfigureStreams(RedisStreamOptions options)
    {
    }
}
