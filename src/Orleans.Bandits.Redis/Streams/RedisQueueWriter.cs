using Orleans.Bandits.Primitives.Batching;
using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Appends publishes to their queues with group commit: one append (XADD) per queue in flight, and the
/// publishes that arrive meanwhile, whatever their stream, go out together as one entry in the next append.
/// Each publish completes when the append that carried it completed, and fails with it. Under load an entry
/// carries many publishes, so the Redis commands per event fall as the rate rises; an idle queue appends at once.
/// </summary>
internal sealed class RedisQueueWriter(IConnectionMultiplexer connection, RedisStreamKeys keys, RedisEntryCodec codec)
{
    /// <summary>
    /// Publishes one entry carries at most: each holds up to one delivery's worth of events, so this bounds
    /// an entry to a few hundred kilobytes.
    /// </summary>
    public const int MaxMessagesPerEntry = 64;

    private readonly GroupCommit<QueueId, RedisStreamMessage> _appends = new(MaxMessagesPerEntry);

    public Task AppendAsync(QueueId queue, RedisStreamMessage message) =>
        _appends.AddAsync(queue, message, messages => connection.GetDatabase().StreamAddAsync(keys.Queue(queue), codec.Encode(messages)));
}
