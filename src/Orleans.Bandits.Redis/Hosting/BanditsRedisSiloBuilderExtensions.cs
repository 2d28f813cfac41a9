using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Primitives.DeadLetters;
using Orleans.Bandits.Primitives.Decisions;
using Orleans.Bandits.Primitives.Hosting;
using Orleans.Bandits.Redis.Decisions;
using Orleans.Bandits.Redis.Streams;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Hosting;

/// <summary>Production mode: everything a silo keeps lives in Redis, so a host switches modes with one call.</summary>
public static class BanditsRedisSiloBuilderExtensions
{
    /// <summary>Feedback publishes in flight per silo in production mode (see <see cref="FeedbackPublishingOptions"/>).</summary>
    public const int MaxPublishesInFlight = 256;

    /// <summary>
    /// Redis clustering, Redis grain storage for the platform's grains and the stream pub-sub, and the
    /// durable Redis stream provider for feedback. Pass <c>abortConnect=false</c> in the connection string
    /// to let silos start before Redis does.
    /// </summary>
    public static ISiloBuilder AddBanditsRedisProviders(this ISiloBuilder silo, string redisConnectionString, Action<RedisStreamOptions>? configureStreams = null)
    {
        var redis = RedisConnections.Parse(redisConnectionString);
        silo.UseRedisClustering(options => options.ConfigurationOptions = redis.Clone());
        silo.AddBanditsRedisStorage(redisConnectionString);

        // The provider appends once per queue at a time, so it is the backpressure; the intake may hand it
        // every stream's batch at once, and concurrent batches then share an entry.
        silo.Services.Configure<FeedbackPublishingOptions>(options => options.MaxPublishesInFlight = MaxPublishesInFlight);
        silo.Services.AddSingleton<IDeadLetterStore>(services =>
            new RedisDeadLetterStore(redis.Clone(), services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, BanditsProviders.FeedbackStream));
        return silo.AddBanditsRedisStreams(BanditsProviders.FeedbackStream, options =>
        {
            options.ConfigurationOptions = redis.Clone();
            options.MaxEventsPerContainer = BanditsProviders.DeliveryBatchSize;
            configureStreams?.Invoke(options);
        });
    }

    /// <summary>
    /// Redis grain storage alone, for the platform's grains and the stream pub-sub, and the decision logs as
    /// Redis streams; a host that clusters and streams some other way (the scale benchmark) uses just this part.
    /// </summary>
    public static ISiloBuilder AddBanditsRedisStorage(this ISiloBuilder silo, string redisConnectionString)
    {
        var redis = RedisConnections.Parse(redisConnectionString);
        AddStorage(silo, BanditsProviders.Storage, redis, deleteOnClear: true);
        AddStorage(silo, BanditsProviders.PubSubStore, redis, deleteOnClear: false);
        silo.Services.AddSingleton<IDecisionStore>(services =>
            new RedisDecisionStore(redis.Clone(), services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }

    /// <summary>
    /// States are written with the Orleans serializer, whose surrogates the policy states are made for;
    /// expired dedup segments are deleted on clear rather than left as empty records.
    /// </summary>
    private static void AddStorage(ISiloBuilder silo, string name, ConfigurationOptions redis, bool deleteOnClear) =>
        silo.AddRedisGrainStorage(name, storage => storage.Configure<Serializer>((options, serializer) =>
        {
            options.ConfigurationOptions = redis.Clone();
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            options.DeleteStateOnClear = deleteOnClear;
        }));
}
