using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Redis.Streams;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Silos in production mode on the test's redis-server, with fast failure detection and short reclaim timings.</summary>
public class RedisSiloConfigurator : ISiloConfigurator
{
    public const int QueueCount = 8;

    public void Configure(ISiloBuilder silo)
    {
        silo.AddBandits();
        silo.AddBanditsRedisProviders(silo.Configuration[RedisCluster.ConnectionStringKey]!, ConfigureStreams);
        silo.Services.AddSingleton<ILoggerProvider, LogSink>();
        silo.Services.Configure<TokenOptions>(options => options.Keys = [new TokenKeyOptions { Id = TestKeys.Signing.Id, Secret = Convert.ToBase64String(TestKeys.Signing.Secret) }]);
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.NumMissedProbesLimit = 2;
            options.NumVotesForDeathDeclaration = 1;
        });
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// The delivery timeout stays well above the time the cluster takes to declare a killed silo dead
    /// (about 3 s here), as it must in production: a delivery to a grain on a silo not yet declared dead
    /// should wait for the grain to come back elsewhere, not fail and burn a delivery attempt.
    /// </summary>
    protected virtual void ConfigureStreams(RedisStreamOptions options)
    {
        options.QueueCount = QueueCount;
        options.DeliveryTimeout = TimeSpan.FromSeconds(10);
        options.ReclaimIdleTime = TimeSpan.FromSeconds(3);
        options.ReclaimPeriod = TimeSpan.FromSeconds(1);
    }
}
