using Orleans.Bandits.Client;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Testing.Silos;
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
        Grains = TestClusters.GrainsOf(cluster.Silos.Single());
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

    /// <summary>
    /// Local mode, the silo exactly as the local (embedded) mode builds it: the platform plus its in-memory
    /// providers, nothing test-only, so the figures are those of the product's own code path.
    /// </summary>
    public static async Task<BenchmarkCluster> StartAsync() => new(await TestClusters.StartAsync<TestSilo>(1), redis: null);

    /// <summary>
    /// Production mode on <paramref name="redis"/>, as it is built with no stream settings given: Redis clustering,
    /// Redis grain storage and the durable Redis stream provider with its defaults; nothing is tuned for the
    /// benchmark. Pass the ids of a stopped cluster to start again on the state it left in Redis.
    /// </summary>
    public static async Task<BenchmarkCluster> StartRedisAsync(RedisServer redis, string? serviceId = null, string? clusterId = null) =>
        new(await TestClusters.StartRedisAsync<RedisTestSilo, RedisClusterClient>(redis.ConnectionString, 1, serviceId, clusterId), redis);

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
