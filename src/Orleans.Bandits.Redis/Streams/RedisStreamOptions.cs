using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Settings of one Redis Streams provider. Each Orleans queue is one Redis stream with one consumer
/// group; entries are acknowledged and deleted only after their delivery completed.
/// </summary>
public sealed class RedisStreamOptions
{
    /// <summary>Where Redis is. Required.</summary>
    public ConfigurationOptions? ConfigurationOptions { get; set; }

    /// <summary>Orleans queues (Redis streams) the provider spreads its streams over; the unit of work a silo owns.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>Entries read from one queue per poll (bounded further by the agent's cache).</summary>
    public int ReadBatchSize { get; set; } = 512;

    /// <summary>Events of one stream packed into one batch container: what a consumer receives per delivery.</summary>
    public int MaxEventsPerContainer { get; set; } = 256;

    /// <summary>
    /// Deliveries an entry gets (first read, retries and reclaims from dead consumers all count) before it
    /// is moved to the dead-letter stream. A Redis outage costs at most one attempt, since attempts are
    /// counted in Redis itself.
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>
    /// How long the pulling agent keeps retrying one delivery before it records a failure. Keep it above
    /// the time the cluster takes to declare a dead silo dead: deliveries to grains that lived there fail
    /// until then, and each recorded failure spends one of <see cref="MaxDeliveryAttempts"/>.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the pulling agent polls its queues.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A pending entry of another consumer idle this long is claimed by the queue's current owner. Entries
    /// of a departed owner are claimed at once when a silo takes a queue over; this catches the rest.
    /// </summary>
    public TimeSpan ReclaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the owner of a queue looks for idle pending entries and departed consumers.</summary>
    public TimeSpan ReclaimPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Approximate length the dead-letter stream is capped at (oldest entries go first).</summary>
    public int DeadLetterMaxLength { get; set; } = 100_000;

    /// <summary>Batch containers the agent caches per queue; reads pause while the cache is under pressure.</summary>
    public int CacheSize { get; set; } = 4096;
}
