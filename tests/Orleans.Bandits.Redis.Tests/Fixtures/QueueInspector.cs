using Orleans.Bandits.Redis.Streams;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Looks at a cluster's feedback queues in Redis directly, the way an operator would.</summary>
public sealed class QueueInspector : IAsyncDisposable
{
    /// <summary>The readable stream id of an entry in the single-message format of earlier builds.</summary>
    private const string SingleMessageStreamField = "stream";

    private readonly ConnectionMultiplexer _connection;
    private readonly RedisStreamKeys _keys;
    private readonly HashRingBasedStreamQueueMapper _mapper = new(new HashRingStreamQueueMapperOptions { TotalQueueCount = RedisSiloConfigurator.QueueCount }, BanditsProviders.FeedbackStream);

    private QueueInspector(ConnectionMultiplexer connection, string serviceId)
    {
        _connection = connection;
        _keys = new RedisStreamKeys(serviceId, BanditsProviders.FeedbackStream);
    }

    private IDatabase Redis => _connection.GetDatabase();

    public static async Task<QueueInspector> ConnectAsync(RedisServerFixture redis, string serviceId) =>
        new(await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString), serviceId);

    public RedisKey QueueOf(StreamId stream) => _keys.Queue(_mapper.GetQueueForStream(stream));

    /// <summary>Stream ids of the namespace that map to the same queue as <paramref name="stream"/>.</summary>
    public IReadOnlyList<StreamId> Neighbours(StreamId stream, string prefix, int count) =>
        Enumerable.Range(0, 10_000)
            .Select(i => StreamId.Create(stream.GetNamespace()!, $"{prefix}-{i}"))
            .Where(candidate => _mapper.GetQueueForStream(candidate).Equals(_mapper.GetQueueForStream(stream)))
            .Take(count)
            .ToList();

    /// <summary>Entries still in the queues (neither delivered nor dead-lettered), across all queues.</summary>
    public async Task<long> QueuedAsync()
    {
        long total = 0;
        foreach (var queue in _mapper.GetAllQueues())
        {
            total += await Redis.StreamLengthAsync(_keys.Queue(queue));
        }

        return total;
    }

    /// <summary>Entries handed to a consumer and not yet acknowledged, across all queues.</summary>
    public async Task<long> PendingAsync()
    {
        long total = 0;
        foreach (var queue in _mapper.GetAllQueues())
        {
            var key = _keys.Queue(queue);
            if (await Redis.KeyExistsAsync(key))
            {
                total += (await Redis.StreamPendingAsync(key, RedisStreamKeys.ConsumerGroup)).PendingMessageCount;
            }
        }

        return total;
    }

    /// <summary>Consumers registered in each queue's group: one per queue once departed owners are forgotten.</summary>
    public async Task<IReadOnlyList<int>> ConsumersPerQueueAsync()
    {
        var counts = new List<int>();
        foreach (var queue in _mapper.GetAllQueues())
        {
            counts.Add((await Redis.StreamConsumerInfoAsync(_keys.Queue(queue), RedisStreamKeys.ConsumerGroup)).Length);
        }

        return counts;
    }

    /// <summary>Entries still in the queue of <paramref name="stream"/> that carry a message of it.</summary>
    public async Task<IReadOnlyList<StreamEntry>> EntriesOfAsync(StreamId stream) =>
        (await Redis.StreamRangeAsync(QueueOf(stream))).Where(e => Names(e, stream)).ToList();

    /// <summary>Ids of the entries pending (handed out, not acknowledged) in the queue of <paramref name="stream"/>.</summary>
    public async Task<IReadOnlyList<string>> PendingIdsAsync(StreamId stream) =>
        (await Redis.StreamPendingMessagesAsync(QueueOf(stream), RedisStreamKeys.ConsumerGroup, 10_000, RedisValue.Null))
            .Select(p => p.MessageId.ToString())
            .ToList();

    public async Task<IReadOnlyList<StreamEntry>> DeadLettersOfAsync(StreamId stream) =>
        (await Redis.StreamRangeAsync(_keys.DeadLetter)).Where(e => Names(e, stream)).ToList();

    public Task<long> DeadLetterCountAsync() => Redis.StreamLengthAsync(_keys.DeadLetter);

    /// <summary>Appends an entry made of <paramref name="fields"/> to the queue of <paramref name="stream"/>.</summary>
    public Task<RedisValue> AppendAsync(StreamId stream, NameValueEntry[] fields) => Redis.StreamAddAsync(QueueOf(stream), fields);

    /// <summary>Appends an entry with <paramref name="body"/> as its messages, bypassing the provider's codec.</summary>
    public Task<RedisValue> AppendRawAsync(StreamId stream, byte[] body) =>
        Redis.StreamAddAsync(QueueOf(stream), [new(RedisEntryCodec.StreamsField, stream.ToString()), new(RedisEntryCodec.MessagesField, body)]);

    /// <summary>Appends an entry in the single-message format of earlier builds: a readable <c>stream</c> field and a <c>body</c>.</summary>
    public Task<RedisValue> AppendSingleMessageEntryAsync(StreamId stream, byte[] body) =>
        Redis.StreamAddAsync(QueueOf(stream), [new(SingleMessageStreamField, stream.ToString()), new(RedisEntryCodec.SingleMessageField, body)]);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>Whether the entry's readable stream list (either format) names <paramref name="stream"/>.</summary>
    private static bool Names(StreamEntry entry, StreamId stream) =>
        entry[RedisEntryCodec.StreamsField] is { IsNull: false } streams
            ? ((string)streams!).Split('\n').Contains(stream.ToString())
            : entry[SingleMessageStreamField] == stream.ToString();
}
