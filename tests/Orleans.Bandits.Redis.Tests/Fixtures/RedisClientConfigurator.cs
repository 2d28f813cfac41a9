using Microsoft.Extensions.Configuration;
using Orleans.Bandits.Testing.Silos;
using Orleans.Configuration;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>The test client finds silos through Redis and can publish to the Redis streams itself.</summary>
public sealed class RedisClientConfigurator : RedisClusterClient
{
    public override void Configure(IConfiguration configuration, IClientBuilder client)
    {
        base.Configure(configuration, client);
        client.AddBanditsRedisStreams(BanditsProviders.FeedbackStream, options =>
        {
            options.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(configuration[TestClusters.RedisConnectionStringKey]!);
            options.QueueCount = RedisSiloConfigurator.QueueCount;
        });
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
    }
}
