using Orleans.Runtime;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>Refuses to start a silo or client whose Redis stream provider is misconfigured.</summary>
internal sealed class RedisStreamOptionsValidator(RedisStreamOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        Require(options.ConfigurationOptions is not null, nameof(RedisStreamOptions.ConfigurationOptions), "is required");
        Require(options.QueueCount > 0, nameof(RedisStreamOptions.QueueCount), "must be positive");
        Require(options.ReadBatchSize > 0, nameof(RedisStreamOptions.ReadBatchSize), "must be positive");
        Require(options.MaxEventsPerContainer > 0, nameof(RedisStreamOptions.MaxEventsPerContainer), "must be positive");
        Require(options.MaxDeliveryAttempts > 0, nameof(RedisStreamOptions.MaxDeliveryAttempts), "must be positive");
        Require(options.DeliveryTimeout > TimeSpan.Zero, nameof(RedisStreamOptions.DeliveryTimeout), "must be positive");
        Require(options.PollPeriod > TimeSpan.Zero, nameof(RedisStreamOptions.PollPeriod), "must be positive");
        Require(options.ReclaimIdleTime > TimeSpan.Zero, nameof(RedisStreamOptions.ReclaimIdleTime), "must be positive");
        Require(options.ReclaimPeriod > TimeSpan.Zero, nameof(RedisStreamOptions.ReclaimPeriod), "must be positive");
        Require(options.DeadLetterMaxLength > 0, nameof(RedisStreamOptions.DeadLetterMaxLength), "must be positive");
        Require(options.CacheSize >= 10, nameof(RedisStreamOptions.CacheSize), "must be at least 10");
    }

    private void Require(bool valid, string setting, string rule)
    {
        if (!valid)
        {
            throw new OrleansConfigurationException($"Redis stream provider '{name}': {nameof(RedisStreamOptions)}.{setting} {rule}.");
        }
    }
}
