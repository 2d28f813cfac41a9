using Orleans.Bandits.Redis.Streams;
using Orleans.Bandits.Redis.Tests.Fixtures;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>The Redis commands of one queue, against the real server, without Orleans around them.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisQueueStoreTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly RedisKey _queue = $"store-tests/{Guid.NewGuid():N}/q0";
    private readonly RedisKey _deadLetter = $"store-tests/{Guid.NewGuid():N}/dead-letter";
    private ConnectionMultiplexer _connection = null!;

    private IDatabase Redis => _connection.GetDatabase();

    public async Task InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

    public async Task DisposeAsync()
    {
        await Redis.KeyDeleteAsync([_queue, _deadLetter]);
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Entries_appended_before_the_group_existed_are_read()
    {
        var early = await Redis.StreamAddAsync(_queue, "field", "early");
        var store = Store("first-reader");
        await store.EnsureGroupAsync();
        await store.EnsureGroupAsync();

        var read = await store.ReadNewAsync(10);
        Assert.Equal([early.ToString()], read.Select(e => e.Id));
        Assert.Equal(1, read[0].Deliveries);
    }

    [Fact]
    public async Task Acknowledging_deletes_the_entry_so_the_stream_keeps_only_what_is_undelivered()
    {
        var store = Store("reader");
        await store.EnsureGroupAsync();
        await Redis.StreamAddAsync(_queue, "field", "a");
        await Redis.StreamAddAsync(_queue, "field", "b");
        var read = await store.ReadNewAsync(10);

        await store.AcknowledgeAsync([read[0].Id]);

        Assert.Equal(1, await Redis.StreamLengthAsync(_queue));
        var pending = await Redis.StreamPendingMessagesAsync(_queue, RedisStreamKeys.ConsumerGroup, 10, RedisValue.Null);
        Assert.Equal([read[1].Id], pending.Select(p => p.MessageId.ToString()));
    }

    [Fact]
    public async Task A_new_owner_takes_a_departed_consumer_s_entries_and_every_claim_counts_a_delivery()
    {
        var departed = Store("departed");
        await departed.EnsureGroupAsync();
        var id = (await Redis.StreamAddAsync(_queue, "field", "x")).ToString();
        await departed.ReadNewAsync(10);
        var owner = Store("owner");

        var (taken, next) = await owner.AutoClaimIdsAsync(TimeSpan.Zero, "0-0", 10);
        var first = Assert.Single(await owner.ClaimAsync(taken));
        var second = Assert.Single(await owner.ClaimAsync(taken));

        Assert.Equal([id], taken);
        Assert.Equal("0-0", next);
        Assert.Equal((id, 2L, 3L), (first.Id, first.Deliveries, second.Deliveries));
        Assert.Equal("x", (string?)first.Values.Single(v => v.Name == "field").Value);
    }

    [Fact]
    public async Task A_consumer_is_removed_only_once_it_holds_no_pending_entry()
    {
        var departed = Store("departed");
        await departed.EnsureGroupAsync();
        await Redis.StreamAddAsync(_queue, "field", "x");
        var held = await departed.ReadNewAsync(10);
        var owner = Store("owner");

        Assert.Equal(0, await owner.RemoveIdleConsumersAsync(TimeSpan.Zero));
        await owner.ClaimAsync([held[0].Id]);
        Assert.Equal(1, await owner.RemoveIdleConsumersAsync(TimeSpan.Zero));

        var consumers = await Redis.StreamConsumerInfoAsync(_queue, RedisStreamKeys.ConsumerGroup);
        Assert.Equal(["owner"], consumers.Select(c => c.Name.ToString()));
    }

    [Fact]
    public async Task A_dead_letter_carries_the_given_fields_and_says_why_and_the_entry_leaves_the_queue()
    {
        var store = Store("reader");
        await store.EnsureGroupAsync();
        await Redis.StreamAddAsync(_queue, "field", "poison");
        var entry = Assert.Single(await store.ReadNewAsync(10));

        await store.DeadLetterAsync(entry.Id, entry.Values, DeadLetterReasons.MaxDeliveries, 5, DateTimeOffset.UnixEpoch);

        var letter = Assert.Single(await Redis.StreamRangeAsync(_deadLetter));
        Assert.Equal("poison", (string?)letter["field"]);
        Assert.Equal(entry.Id, (string?)letter["dead-letter.id"]);
        Assert.Equal(_queue.ToString(), (string?)letter["dead-letter.queue"]);
        Assert.Equal(DeadLetterReasons.MaxDeliveries, (string?)letter["dead-letter.reason"]);
        Assert.Equal(5, (int)letter["dead-letter.deliveries"]);
        Assert.Equal(0, await Redis.StreamLengthAsync(_queue));
    }

    private RedisQueueStore Store(string consumer) => new(Redis, _queue, _deadLetter, consumer, new RedisStreamOptions());
}
