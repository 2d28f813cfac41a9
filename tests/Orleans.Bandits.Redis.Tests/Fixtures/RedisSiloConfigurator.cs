using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Silos in production mode on the test's redis-server, with fast failure detection and short retry timings.</summary>
public sealed class RedisSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder silo)
    {
        silo.AddBandits();
        silo.AddBanditsRedisProviders(silo.Configuration[RedisCluster.ConnectionStringKey]!, TestStreamSettings.Apply);
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
}
