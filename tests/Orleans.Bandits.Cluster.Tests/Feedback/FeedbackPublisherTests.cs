using System.Collections.Concurrent;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Runtime;

namespace Orleans.Bandits.Cluster.Tests.Feedback;

/// <summary>
/// Group commit: the publisher is driven by a fake publish that holds each batch until the test lets
/// it go, so every assertion is about order, never about time.
/// </summary>
public sealed class FeedbackPublisherTests
{
    private static readonly StreamId StreamA = StreamId.Create(BanditsProviders.FeedbackNamespace, "t/a");
    private static readonly StreamId StreamB = StreamId.Create(BanditsProviders.FeedbackNamespace, "t/b");
    private static readonly StreamId StreamC = StreamId.Create(BanditsProviders.FeedbackNamespace, "t/c");

    [Fact]
    public async Task Events_that_arrive_during_a_publish_go_out_together_in_the_next_one_and_each_caller_waits_for_its_own()
    {
        var sink = new HeldSink();
        var publisher = new FeedbackPublisher(maxPublishesInFlight: 4, maxEventsPerPublish: 256);

        var first = publisher.PublishAsync(StreamA, Event(1), sink.Publish);
        var firstBatch = await sink.NextBatch();
        var waiting = Enumerable.Range(2, 5).Select(i => publisher.PublishAsync(StreamA, Event(i), sink.Publish)).ToList();

        Assert.Equal([1UL], Keys(firstBatch.Events));
        Assert.False(first.IsCompleted, "a caller completed before its publish did");
        firstBatch.Complete();
        await first;

        var secondBatch = await sink.NextBatch();
        Assert.Equal([2UL, 3UL, 4UL, 5UL, 6UL], Keys(secondBatch.Events));
        Assert.All(waiting, t => Assert.False(t.IsCompleted, "a caller completed before its publish did"));
        secondBatch.Complete();
        await Task.WhenAll(waiting);
        Assert.Equal(2, sink.Publishes);
    }

    [Fact]
    public async Task A_failed_publish_fails_exactly_the_callers_whose_events_it_carried()
    {
        var sink = new HeldSink();
        var publisher = new FeedbackPublisher(maxPublishesInFlight: 4, maxEventsPerPublish: 256);

        var first = publisher.PublishAsync(StreamA, Event(1), sink.Publish);
        var firstBatch = await sink.NextBatch();
        var second = publisher.PublishAsync(StreamA, Event(2), sink.Publish);
        var third = publisher.PublishAsync(StreamA, Event(3), sink.Publish);

        var outage = new InvalidOperationException("the queue is down");
        firstBatch.Fail(outage);
        Assert.Same(outage, await Assert.ThrowsAsync<InvalidOperationException>(() => first));

        var secondBatch = await sink.NextBatch();
        Assert.Equal([2UL, 3UL], Keys(secondBatch.Events));
        secondBatch.Complete();
        await Task.WhenAll(second, third);
    }

    [Fact]
    public async Task A_publish_carries_at_most_the_configured_number_of_events()
    {
        var sink = new HeldSink();
        var publisher = new FeedbackPublisher(maxPublishesInFlight: 4, maxEventsPerPublish: 3);

        var first = publisher.PublishAsync(StreamA, Event(0), sink.Publish);
        var held = await sink.NextBatch();
        var rest = Enumerable.Range(1, 7).Select(i => publisher.PublishAsync(StreamA, Event(i), sink.Publish)).ToList();
        held.Complete();

        var sizes = new List<int>();
        for (var published = 0; published < 7;)
        {
            var batch = await sink.NextBatch();
            sizes.Add(batch.Events.Count);
            published += batch.Events.Count;
            batch.Complete();
        }

        await Task.WhenAll(rest.Append(first));
        Assert.Equal([3, 3, 1], sizes);
    }

    [Fact]
    public async Task A_stream_waiting_for_a_publish_slot_sends_everything_that_arrived_meanwhile_in_one_publish()
    {
        var sink = new HeldSink();
        var publisher = new FeedbackPublisher(maxPublishesInFlight: 2, maxEventsPerPublish: 256);

        var a = publisher.PublishAsync(StreamA, Event(1), sink.Publish);
        var b = publisher.PublishAsync(StreamB, Event(2), sink.Publish);
        var heldA = await sink.NextBatch();
        var heldB = await sink.NextBatch();

        // Both slots are taken: stream C's events can only queue.
        var c = Enumerable.Range(10, 5).Select(i => publisher.PublishAsync(StreamC, Event(i), sink.Publish)).ToList();
        Assert.Equal(2, sink.Publishes);

        heldA.Complete();
        var batchC = await sink.NextBatch();
        Assert.Equal([10UL, 11UL, 12UL, 13UL, 14UL], Keys(batchC.Events));
        batchC.Complete();
        heldB.Complete();
        await Task.WhenAll(c.Append(a).Append(b));
        Assert.Equal(3, sink.Publishes);
    }

    [Fact]
    public async Task A_stream_published_again_after_its_lane_drained_is_still_published()
    {
        var published = new ConcurrentQueue<UInt128>();
        var publisher = new FeedbackPublisher(maxPublishesInFlight: 1, maxEventsPerPublish: 256);
        for (var i = 1; i <= 20; i++)
        {
            await publisher.PublishAsync(StreamA, Event(i), batch =>
            {
                foreach (var e in batch)
                {
                    published.Enqueue(e.DedupKey);
                }

                return Task.CompletedTask;
            });
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (UInt128)i), published);
    }

    private static FeedbackEvent Event(int key) => new((UInt128)key, 0, 1.0, null, null, null, null, long.MaxValue, 1, 0);

    private static ulong[] Keys(IReadOnlyList<FeedbackEvent> events) => events.Select(e => (ulong)e.DedupKey).ToArray();

    /// <summary>A publish that waits until the test completes or fails it; batches are handed out in the order they were published.</summary>
    private sealed class HeldSink
    {
        private readonly System.Threading.Channels.Channel<HeldBatch> _batches = System.Threading.Channels.Channel.CreateUnbounded<HeldBatch>();
        private int _publishes;

        public int Publishes => Volatile.Read(ref _publishes);

        public Task Publish(IReadOnlyList<FeedbackEvent> events)
        {
            Interlocked.Increment(ref _publishes);
            var batch = new HeldBatch(events);
            _batches.Writer.TryWrite(batch);
            return batch.Done;
        }

        public async Task<HeldBatch> NextBatch() => await _batches.Reader.ReadAsync();
    }

    private sealed class HeldBatch(IReadOnlyList<FeedbackEvent> events)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<FeedbackEvent> Events => events;

        public Task Done => _done.Task;

        public void Complete() => _done.SetResult();

        public void Fail(Exception e) => _done.SetException(e);
    }
}
