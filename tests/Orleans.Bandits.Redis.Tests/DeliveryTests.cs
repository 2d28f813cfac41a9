using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Redis.Streams;
using Orleans.Bandits.Redis.Tests.Fixtures;
using Orleans.Bandits.Redis.Tests.Probes;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>Acknowledgement and dead-lettering of single entries, on probe streams with a consumer that can fail or wait.</summary>
[Collection(RedisCollection.Name)]
public sealed class DeliveryTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private RedisCluster _cluster = null!;
    private QueueInspector _queues = null!;

    public async Task InitializeAsync()
    {
        _cluster = await RedisCluster.StartAsync<QuickRetrySiloConfigurator>(redis, silos: 1);
        _queues = await QueueInspector.ConnectAsync(redis, _cluster.ServiceId);
    }

    public async Task DisposeAsync()
    {
        await _queues.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_poison_entry_ends_in_the_dead_letter_stream_and_every_other_entry_of_its_queue_is_delivered_once()
    {
        using var counters = new CounterTotals(CounterTotals.Streams);
        var poisoned = StreamId.Create(ProbeEvent.Namespace, $"poisoned-{Guid.NewGuid():N}");
        var neighbours = _queues.Neighbours(poisoned, $"neighbour-{Guid.NewGuid():N}", 3);
        Assert.Equal(3, neighbours.Count);

        // The poison entry comes first, so the good entries after it on its own stream are read, and
        // first delivered, in the same batch as the poison.
        await PublishAsync(poisoned, new ProbeEvent("poison", Poison: true));
        var expected = new Dictionary<StreamId, string[]> { [poisoned] = Ids("after-poison", 5) };
        foreach (var neighbour in neighbours)
        {
            expected[neighbour] = Ids($"{neighbour.GetKeyAsString()}", 5);
        }

        foreach (var (stream, ids) in expected)
        {
            foreach (var id in ids)
            {
                await PublishAsync(stream, new ProbeEvent(id));
            }
        }

        var deadLetters = await Eventually.Until(() => _queues.DeadLettersOfAsync(poisoned), d => d.Count > 0, Patience, "the poison entry in the dead-letter stream", RedisCollection.Poll);
        foreach (var (stream, ids) in expected)
        {
            var received = await Eventually.Until(() => Probe(stream).Received(), r => r.Count >= ids.Length, Patience, $"the events of {stream}", RedisCollection.Poll);
            Assert.Equal(ids.Order(), received.Order());
        }

        var deadLetter = Assert.Single(deadLetters);
        Assert.Equal(DeadLetterReasons.MaxDeliveries, (string?)deadLetter["dead-letter.reason"]);
        Assert.Equal(QuickRetrySiloConfigurator.MaxDeliveryAttempts, (int)deadLetter["dead-letter.deliveries"]);
        var queue = _queues.QueueOf(poisoned).ToString();
        Assert.Equal(queue, (string?)deadLetter["dead-letter.queue"]);
        Assert.Equal(1, counters.Count(RedisStreamMetrics.DeadLetteredName, queue, DeadLetterReasons.MaxDeliveries));
        Assert.Contains(LogSink.Errors, line => line.Contains((string)deadLetter["dead-letter.id"]!, StringComparison.Ordinal) && line.Contains("dead-letter", StringComparison.Ordinal));
        await Eventually.Until(() => _queues.EntriesOfAsync(poisoned), e => e.Count == 0, Patience, "the poison entry gone from its queue", RedisCollection.Poll);
    }

    [Fact]
    public async Task A_poison_message_sharing_an_entry_with_other_streams_is_dead_lettered_alone_and_the_others_are_delivered_once()
    {
        var poisoned = StreamId.Create(ProbeEvent.Namespace, $"shared-poison-{Guid.NewGuid():N}");
        var neighbours = _queues.Neighbours(poisoned, $"sharer-{Guid.NewGuid():N}", 2);
        RedisStreamMessage[] messages =
        [
            Message(neighbours[0], "first-0", "first-1"),
            Message(poisoned, "poison"),
            Message(neighbours[1], "second-0"),
            Message(neighbours[0], "first-2"),
        ];
        var entryId = await _queues.AppendAsync(poisoned, Codec.Encode(messages));

        var deadLetter = Assert.Single(await Eventually.Until(() => _queues.DeadLettersOfAsync(poisoned), d => d.Count > 0, Patience, "the dead letter", RedisCollection.Poll));
        Assert.Equal(entryId.ToString(), (string?)deadLetter["dead-letter.id"]);
        Assert.Equal(QuickRetrySiloConfigurator.MaxDeliveryAttempts, (int)deadLetter["dead-letter.deliveries"]);
        Assert.True(Codec.TryDecode(deadLetter.Values, out var undelivered, out var error), error);
        var only = Assert.Single(undelivered);
        Assert.Equal(poisoned, only.StreamId);
        Assert.Equal(new ProbeEvent("poison", Poison: true), Assert.Single(only.Events));

        // Every retry carried the poison message alone: the neighbours got theirs exactly once.
        Assert.Equal(["first-0", "first-1", "first-2"], (await Probe(neighbours[0]).Received()).Order());
        Assert.Equal(["second-0"], await Probe(neighbours[1]).Received());
        await Eventually.Until(() => _queues.EntriesOfAsync(poisoned), e => e.Count == 0, Patience, "the entry gone from its queue", RedisCollection.Poll);
    }

    [Fact]
    public async Task An_entry_in_the_single_message_format_of_earlier_builds_is_delivered_and_acknowledged()
    {
        var stream = StreamId.Create(ProbeEvent.Namespace, $"earlier-{Guid.NewGuid():N}");
        var body = Serializer.SerializeToArray(Message(stream, "written-by-an-earlier-build"));
        await _queues.AppendSingleMessageEntryAsync(stream, body);

        var received = await Eventually.Until(() => Probe(stream).Received(), r => r.Count > 0, Patience, "the event", RedisCollection.Poll);
        Assert.Equal(["written-by-an-earlier-build"], received);
        await Eventually.Until(() => _queues.EntriesOfAsync(stream), e => e.Count == 0, Patience, "the entry acknowledged", RedisCollection.Poll);
    }

    [Fact]
    public async Task An_entry_that_cannot_be_decoded_is_dead_lettered_at_once_and_its_stream_goes_on()
    {
        using var counters = new CounterTotals(CounterTotals.Streams);
        var stream = StreamId.Create(ProbeEvent.Namespace, $"garbled-{Guid.NewGuid():N}");
        var garbage = await _queues.AppendRawAsync(stream, [0xde, 0xad, 0xbe, 0xef, 0x00, 0x17]);
        var ids = Ids("after-garbage", 4);
        foreach (var id in ids)
        {
            await PublishAsync(stream, new ProbeEvent(id));
        }

        var received = await Eventually.Until(() => Probe(stream).Received(), r => r.Count >= ids.Length, Patience, "the decodable events", RedisCollection.Poll);
        Assert.Equal(ids.Order(), received.Order());
        var deadLetter = Assert.Single(await Eventually.Until(() => _queues.DeadLettersOfAsync(stream), d => d.Count > 0, Patience, "the dead letter", RedisCollection.Poll));
        Assert.Equal(garbage.ToString(), (string?)deadLetter["dead-letter.id"]);
        Assert.Equal(DeadLetterReasons.Undecodable, (string?)deadLetter["dead-letter.reason"]);
        Assert.Equal(0, (int)deadLetter["dead-letter.deliveries"]);
        Assert.Equal(1, counters.Count(RedisStreamMetrics.DeadLetteredName, _queues.QueueOf(stream).ToString(), DeadLetterReasons.Undecodable));
    }

    [Fact]
    public async Task An_entry_is_acknowledged_and_deleted_only_after_the_consumer_s_OnNextAsync_completed()
    {
        var stream = StreamId.Create(ProbeEvent.Namespace, $"held-{Guid.NewGuid():N}");
        var eventId = $"held-{Guid.NewGuid():N}";
        string entryId;
        using (var gate = ProbeGate.Hold(eventId))
        {
            await PublishAsync(stream, new ProbeEvent(eventId));
            await gate.Entered.WaitAsync(Patience);
            entryId = Assert.Single(await _queues.EntriesOfAsync(stream)).Id.ToString();

            // Many polls (20 ms each) and cache purges go by while the consumer is inside OnNextAsync.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Single(await _queues.EntriesOfAsync(stream));
            Assert.Contains(entryId, await _queues.PendingIdsAsync(stream));
            Assert.Empty(await Probe(stream).Received());
        }

        Assert.Equal([eventId], await Eventually.Until(() => Probe(stream).Received(), r => r.Count > 0, Patience, "the held event", RedisCollection.Poll));
        await Eventually.Until(() => _queues.EntriesOfAsync(stream), e => e.Count == 0, Patience, "the entry deleted after its delivery", RedisCollection.Poll);
        Assert.DoesNotContain(entryId, await _queues.PendingIdsAsync(stream));
    }

    [Fact]
    public async Task Events_queued_behind_a_busy_consumer_reach_it_many_per_delivery()
    {
        const int queued = 200;
        var stream = StreamId.Create(ProbeEvent.Namespace, $"batched-{Guid.NewGuid():N}");
        var first = $"first-{Guid.NewGuid():N}";
        var ids = Ids("queued", queued);
        using (var gate = ProbeGate.Hold(first))
        {
            await PublishAsync(stream, new ProbeEvent(first));
            await gate.Entered.WaitAsync(Patience);
            await Task.WhenAll(ids.Select(id => PublishAsync(stream, new ProbeEvent(id))));
        }

        var received = await Eventually.Until(() => Probe(stream).Received(), r => r.Count >= queued + 1, Patience, "every queued event", RedisCollection.Poll);
        Assert.Equal(ids.Append(first).Order(), received.Order());

        // One event per delivery would take 201 deliveries; packed per stream they take a handful.
        var batches = await Probe(stream).Batches();
        Assert.Equal(queued + 1, batches.Sum());
        Assert.True(batches.Count <= queued / 4, $"{batches.Count} deliveries for {queued + 1} events");
    }

    private static string[] Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();

    private Serializer Serializer => RedisCluster.Services(_cluster.LiveSilos[0]).GetRequiredService<Serializer>();

    private RedisEntryCodec Codec => new(Serializer);

    private static RedisStreamMessage Message(StreamId stream, params string[] ids) =>
        new(stream, ids.Select(id => (object)new ProbeEvent(id, Poison: id == "poison")).ToList(), null);

    private IProbeGrain Probe(StreamId stream) => _cluster.Cluster.Client.GetGrain<IProbeGrain>(stream.GetKeyAsString());

    private Task PublishAsync(StreamId stream, ProbeEvent probe) =>
        _cluster.Cluster.Client.GetStreamProvider(BanditsProviders.FeedbackStream).GetStream<ProbeEvent>(stream).OnNextAsync(probe);
}
