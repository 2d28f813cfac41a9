using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Names in Redis of one provider's queues, prefixed by the service id so that services (and test
/// clusters) sharing a Redis never see each other's entries.
/// </summary>
internal sealed class RedisStreamKeys(string serviceId, string providerName)
{
    /// <summary>The consumer group every queue is read through; one queue is owned by one silo at a time.</summary>
    public const string ConsumerGroup = "pulling-agents";

    public RedisKey Queue(QueueId queue) => $"{serviceId}/streams/{providerName}/q{queue.GetNumericId()}";

    public RedisKey DeadLetter => $"{serviceId}/streams/{providerName}/dead-letter";
}
