using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Redis.Streams;
using Orleans.Bandits.Redis.Tests.Fixtures;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>
/// Group commit of appends, against the real server. Redis is paused for writes (CLIENT PAUSE WRITE) while
/// an append is under way, so which publishes wait for the next append is decided by order, not by timing.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisQueueWriterTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly QueueId Queue = QueueId.GetQueueId("writer-tests", 0, 0);

    private readonly RedisStreamKeys _keys = new($"writer-tests-{Guid.NewGuid():N}", "feedback");
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private ConnectionMultiplexer _connection = null!;

    private RedisEntryCodec Codec => new(_services.GetRequiredService<Serializer>());

    public async Task InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

    public async Task DisposeAsync()
    {
        await _connection.GetDatabase().KeyDeleteAsync(_keys.Queue(Queue));
        await _connection.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Publishes_of_any_stream_that_arrive_during_an_append_share_the_next_entry_and_each_waits_for_its_own()
    {
        var writer = new RedisQueueWriter(_connection, _keys, Codec);
        var streams = Enumerable.Range(0, 3).Select(i => StreamId.Create("probe", $"s{i}")).ToArray();

        await Pause();
        Task first;
        List<Task> waiting;
        try
        {
            first = writer.AppendAsync(Queue, Message(streams[0], "first"));
            waiting = Enumerable.Range(0, 9).Select(i => writer.AppendAsync(Queue, Message(streams[i % 3], $"e{i}"))).ToList();
            Assert.False(first.IsCompleted, "an append completed while Redis refused writes");
            Assert.All(waiting, t => Assert.False(t.IsCompleted, "a publish completed before its append"));
        }
        finally
        {
            await Unpause();
        }

        await first;
        await Task.WhenAll(waiting);

        var entries = await _connection.GetDatabase().StreamRangeAsync(_keys.Queue(Queue));
        Assert.Equal(2, entries.Length);
        Assert.Equal(["first"], Decode(entries[0]).SelectMany(m => m.Events).Cast<string>());
        var shared = Decode(entries[1]);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"e{i}"), shared.SelectMany(m => m.Events).Cast<string>());
        Assert.Equal(Enumerable.Range(0, 9).Select(i => streams[i % 3]), shared.Select(m => m.StreamId));
        Assert.Equal(string.Join('\n', shared.Select(m => m.StreamId.ToString())), (string?)entries[1][RedisEntryCodec.StreamsField]);
    }

    [Fact]
    public async Task An_entry_carries_at_most_the_cap_of_publishes()
    {
        var writer = new RedisQueueWriter(_connection, _keys, Codec);
        var stream = StreamId.Create("probe", "capped");
        var count = RedisQueueWriter.MaxMessagesPerEntry + 5;

        await Pause();
        Task first;
        List<Task> waiting;
        try
        {
            first = writer.AppendAsync(Queue, Message(stream, "first"));
            waiting = Enumerable.Range(0, count).Select(i => writer.AppendAsync(Queue, Message(stream, $"e{i}"))).ToList();
        }
        finally
        {
            await Unpause();
        }

        await Task.WhenAll(waiting.Append(first));
        var entries = await _connection.GetDatabase().StreamRangeAsync(_keys.Queue(Queue));
        Assert.Equal([1, RedisQueueWriter.MaxMessagesPerEntry, 5], entries.Select(e => Decode(e).Length));
    }

    private static RedisStreamMessage Message(StreamId stream, string payload) => new(stream, [payload], null);

    private RedisStreamMessage[] Decode(StreamEntry entry) =>
        Codec.TryDecode(entry.Values, out var messages, out var error) ? messages : throw new InvalidOperationException(error);

    /// <summary>
    /// On the fixture's own connection: Redis answers one client's commands in order, so an UNPAUSE sent
    /// behind the writer's blocked XADD would wait for the pause to run out. The pause is bounded by the
    /// client timeout (2 s) anyway; the tests lift it within microseconds.
    /// </summary>
    private Task Pause() => redis.Connection.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "2000", "WRITE");

    private Task Unpause() => redis.Connection.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");
}
