using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>The test client finds silos through Redis and can publish to the Redis streams itself.</summary>
public sealed class RedisClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client)
    {
        var redis = configuration[RedisCluster.ConnectionStringKey]!;
        client.UseRedisClustering(redis);
        client.AddBanditsRedisStreams(BanditsProviders.FeedbackStream, options =>
        {
            options.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            options.QueueCount = RedisSiloConfigurator.QueueCount;
        });
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
    }
}
