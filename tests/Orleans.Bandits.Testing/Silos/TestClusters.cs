using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Orleans.Bandits.Testing.Silos;

/// <summary>Clusters of in-process silos for tests and benchmarks: local mode, or production mode on a Redis server.</summary>
public static class TestClusters
{
    /// <summary>The cluster property that carries the Redis connection string to silos and client.</summary>
    public const string RedisConnectionStringKey = "Bandits:Redis:ConnectionString";

    /// <summary><paramref name="silos"/> silos built by <typeparamref name="TSilo"/>, with the test host's own membership.</summary>
    public static Task<TestCluster> StartAsync<TSilo>(short silos, Action<TestClusterBuilder>? configure = null)
        where TSilo : TestSilo, new() =>
        DeployAsync<TSilo>(silos, configure);

    /// <summary>
    /// Silos in production mode on <paramref name="redisConnectionString"/>, their client clustered through Redis too.
    /// Give the ids of a stopped cluster to start it again on the state it left in Redis.
    /// </summary>
    public static Task<TestCluster> StartRedisAsync<TSilo, TClient>(string redisConnectionString, short silos, string? serviceId = null, string? clusterId = null)
        where TSilo : RedisTestSilo, new()
        where TClient : RedisClusterClient, new() =>
        DeployAsync<TSilo>(silos, builder =>
        {
            builder.Options.UseTestClusterMembership = false;
            builder.Options.ServiceId = serviceId ?? builder.Options.ServiceId;
            builder.Options.ClusterId = clusterId ?? builder.Options.ClusterId;
            builder.Properties[RedisConnectionStringKey] = redisConnectionString;
            builder.AddClientBuilderConfigurator<TClient>();
        });

    /// <summary>A silo's own grain factory: calls through it run on that silo, as a co-hosted web app's do.</summary>
    public static IGrainFactory GrainsOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<IGrainFactory>();

    public static IServiceProvider ServicesOf(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    private static async Task<TestCluster> DeployAsync<TSilo>(short silos, Action<TestClusterBuilder>? configure)
        where TSilo : TestSilo, new()
    {
        var builder = new TestClusterBuilder(silos);

        // The test host would write Information-level logs into ./logs: disk I/O inside measurements and
        // litter in whatever directory the run is started from.
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<TSilo>();
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
