using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Redis.Streams;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Providers;

namespace Orleans.Bandits.Redis.Hosting;

/// <summary>Registers the durable Redis Streams provider on silos (which read and publish) and clients (which publish).</summary>
public static class BanditsRedisStreamsExtensions
{
    /// <summary>
    /// A persistent stream provider on Redis Streams. Each delivery carries one batch container of up to
    /// <see cref="RedisStreamOptions.MaxEventsPerContainer"/> events of one stream; the agent's own
    /// batching of containers stays off, because a failed delivery must fail only the entries it carried.
    /// </summary>
    public static ISiloBuilder AddBanditsRedisStreams(this ISiloBuilder silo, string name, Action<RedisStreamOptions> configure) =>
        silo.AddPersistentStreams(name, RedisQueueAdapterFactory.Create, streams =>
        {
            streams.Configure<RedisStreamOptions>(options => options.Configure(configure));
            streams.ConfigureDelegate(services => services.AddSingleton<IConfigurationValidator>(sp =>
                new RedisStreamOptionsValidator(sp.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name), name)));
            streams.ConfigurePullingAgent(agent => agent.Configure<IOptionsMonitor<RedisStreamOptions>>((pulling, redis) =>
            {
                var options = redis.Get(name);
                pulling.BatchContainerBatchSize = 1;
                pulling.GetQueueMsgsTimerPeriod = options.PollPeriod;
                pulling.MaxEventDeliveryTime = options.DeliveryTimeout;
            }));
            streams.ConfigureBackoffProvider((_, _) => (IQueueReaderBackoffProvider)new QueueReaderBackoff());
        });

    /// <summary>
    /// The same provider on a client, which only publishes: the silos read the queues. Give it the
    /// silos' <see cref="RedisStreamOptions.QueueCount"/>: streams are hashed over the queues, and a
    /// client with another count would append to queues no silo reads.
    /// </summary>
    public static IClientBuilder AddBanditsRedisStreams(this IClientBuilder client, string name, Action<RedisStreamOptions> configure) =>
        client.AddPersistentStreams(name, RedisQueueAdapterFactory.Create, streams =>
        {
            streams.Configure<RedisStreamOptions>(options => options.Configure(configure));
            streams.ConfigureDelegate(services => services.AddSingleton<IConfigurationValidator>(sp =>
                new RedisStreamOptionsValidator(sp.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name), name)));
        });
}
