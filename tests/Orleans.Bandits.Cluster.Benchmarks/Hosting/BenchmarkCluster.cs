using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Client;
using Orleans.Bandits.Testing;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Benchmarks.Hosting;

/// <summary>
/// A one-silo cluster in this process, in local (memory) or production (Redis) mode. Calls go
/// through the silo's own grain factory (the co-hosted app path): stateless workers then activate
/// on this silo and no gateway hop or client serialization is measured, only the platform's work
/// and Orleans' local call.
/// </summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    public const string Tenant = "bench";

    private readonly TestCluster _cluster;

    private BenchmarkCluster(TestCluster cluster, RedisServer? redis)
    {
        _cluster = cluster;
        Redis = redis;
        var silo = cluster.Silos.FirstOrDefault() as InProcessSiloHandle ?? throw new InvalidOperationException("The test cluster did not start an in-process silo.");
        Grains = silo.SiloHost.Services.GetRequiredService<IGrainFactory>();
        Client = new BanditsClient(Grains);
    }

    /// <summary>The Redis server in production mode; null in local mode.</summary>
    public RedisServer? Redis { get; }

    /// <summary>Whose state this cluster reads and writes: give it to a new cluster to restart on the same state.</summary>
    public string ServiceId => _cluster.Options.ServiceId;

    public string ClusterId => _cluster.Options.ClusterId;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>The platform over <see cref="Grains"/>, as a co-hosted web app would call it.</summary>
    public IBanditsClient Client { get; }

    /// <summary>Local mode: in-memory storage and memory streams.</summary>
    public static Task<BenchmarkCluster> StartAsync() => DeployAsync(NewBuilder<BenchmarkSiloConfigurator>(), redis: null);

    /// <summary>
    /// Production mode on <paramref name="redis"/>. Pass the ids of a stopped cluster to start again on
    /// the state it left in Redis.
    /// </summary>
    public static Task<BenchmarkCluster> StartRedisAsync(RedisServer redis, string? serviceId = null, string? clusterId = null)
    {
        var builder = NewBuilder<RedisBenchmarkSiloConfigurator>();
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ServiceId = serviceId ?? builder.Options.ServiceId;
        builder.Options.ClusterId = clusterId ?? builder.Options.ClusterId;
        builder.Properties[RedisBenchmarkSiloConfigurator.ConnectionStringKey] = redis.ConnectionString;
        builder.AddClientBuilderConfigurator<RedisBenchmarkClientConfigurator>();
        return DeployAsync(builder, redis);
    }

    private static TestClusterBuilder NewBuilder<TSilo>()
        where TSilo : BenchmarkSiloConfigurator, new()
    {
        var builder = new TestClusterBuilder(1);
        // The test host would write Information-level logs into ./logs: that is disk I/O inside
        // the measurement and litter in whatever directory the benchmark is started from.
        builder.Options.ConfigureFileLogging = false;
        builder.AddSiloBuilderConfigurator<TSilo>();
        return builder;
    }

    private static async Task<BenchmarkCluster> DeployAsync(TestClusterBuilder builder, RedisServer? redis)
    {
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchmarkCluster(cluster, redis);
    }

    /// <summary>A Thompson-Beta experiment with arms <c>arm-0</c> … <c>arm-{n-1}</c>.</summary>
    public Task<ExperimentView> CreateExperimentAsync(string name, int arms) =>
        Client.CreateExperimentAsync(
            Tenant,
            name,
            new ExperimentDefinition(
                Enumerable.Range(0, arms).Select(ArmName).ToArray(),
                new PolicySpec("thompson-beta", new Dictionary<string, double[]>())));

    public static string ArmName(int index) => $"arm-{index}";

    /// <summary>The index back from an arm name made by <see cref="ArmName"/>.</summary>
    public static int ArmIndex(string arm) => int.Parse(arm.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}
