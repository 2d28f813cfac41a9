using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Publishes to and creates receivers for the provider's queues. A publish completes only when Redis has
/// acknowledged the append (XADD) of the entry that carries it; a Redis failure surfaces as the exception.
/// Concurrent publishes to one queue share an entry (<see cref="RedisQueueWriter"/>).
/// </summary>
/// <remarks>
/// Not rewindable: sequence numbers are local to the receiver that read an entry, and acknowledged
/// entries are deleted, so a consumer cannot ask for an earlier position.
/// </remarks>
internal sealed partial class RedisQueueAdapter(
    string name,
    IConnectionMultiplexer connection,
    IStreamQueueMapper mapper,
    RedisStreamKeys keys,
    RedisEntryCodec codec,
    RedisStreamOptions options,
    Func<QueueId, DeliveryLedger> takeLedger,
    string consumerPrefix,
    TimeProvider clock,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RedisQueueAdapter>();
    private readonly RedisQueueWriter _writer = new(connection, keys, codec);

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The Redis stream provider does not accept sequence tokens from producers.", nameof(token));
        }

        var queue = mapper.GetQueueForStream(streamId);
        try
        {
            await _writer.AppendAsync(queue, new RedisStreamMessage(streamId, events.Cast<object>().ToList(), requestContext));
        }
        catch (Exception e)
        {
            LogPublishFailed(_logger, e, streamId, keys.Queue(queue).ToString());
            throw;
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var consumer = $"{consumerPrefix}#{Guid.NewGuid():N}";
        var store = new RedisQueueStore(connection.GetDatabase(), keys.Queue(queueId), keys.DeadLetter, consumer, options);
        return new RedisQueueReceiver(name, store, codec, takeLedger(queueId), options, clock, loggerFactory.CreateLogger<RedisQueueReceiver>());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending to {Queue} for stream {StreamId} failed; the publish is refused")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, StreamId streamId, string queue);
}
