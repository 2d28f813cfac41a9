using Orleans.Bandits.Client;
using Orleans.Bandits.Testing.Silos;
using Orleans.TestingHost;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>An in-process cluster in production mode: Redis clustering, Redis grain storage and Redis streams.</summary>
public sealed class RedisCluster : IAsyncDisposable
{
    public const string Tenant = "acme";

    private RedisCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public string ServiceId => Cluster.Options.ServiceId;

    /// <summary>The platform through the external Orleans client.</summary>
    public IBanditsClient Client => new BanditsClient(Cluster.Client);

    public IReadOnlyList<SiloHandle> LiveSilos => Cluster.Silos.Where(s => s.IsActive).ToList();

    /// <summary>
    /// Starts silos against <paramref name="redis"/>. Give the ids of a stopped cluster to start it again
    /// on the state it left in Redis.
    /// </summary>
    public static Task<RedisCluster> StartAsync(RedisServerFixture redis, short silos, string? serviceId = null, string? clusterId = null) =>
        StartAsync<RedisSiloConfigurator>(redis, silos, serviceId, clusterId);

    public static async Task<RedisCluster> StartAsync<TSiloConfigurator>(RedisServerFixture redis, short silos, string? serviceId = null, string? clusterId = null)
        where TSiloConfigurator : RedisSiloConfigurator, new() =>
        new(await TestClusters.StartRedisAsync<TSiloConfigurator, RedisClientConfigurator>(redis.ConnectionString, silos, serviceId, clusterId));

    /// <summary>The platform as seen from inside one silo: stateless workers (selection, feedback intake) run there.</summary>
    public static IBanditsClient On(SiloHandle silo) => new BanditsClient(TestClusters.GrainsOf(silo));

    public static IServiceProvider Services(SiloHandle silo) => TestClusters.ServicesOf(silo);

    /// <summary>Experiments that learn every distinct event id of a token (<see cref="RewardAggregation.Sum"/>), as <see cref="FeedbackLoad"/> sends them.</summary>
    public async Task<IReadOnlyList<string>> CreateExperimentsAsync(string prefix, int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        foreach (var name in names)
        {
            await Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["red", "blue"], RewardAggregation: RewardAggregation.Sum));
        }

        return names;
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
