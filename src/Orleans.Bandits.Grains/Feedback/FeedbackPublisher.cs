using System.Collections.Concurrent;
using Orleans.Bandits.Contracts;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// Group commit of feedback on one silo. Events for the same experiment stream that arrive while a
/// publish of that stream is under way wait, and go out together in the next publish: one
/// <c>OnNextBatchAsync</c>, i.e. one queue message (one XADD on Redis) holding them all. Every caller
/// completes only when the publish that carried its event completed, and fails with it.
/// </summary>
/// <remarks>
/// One publish per stream is in flight at a time, and at most <see cref="MaxPublishesInFlight"/> per
/// silo: the bound is the intake's backpressure. While publishes wait for a slot their batches grow,
/// so a faster caller makes fuller messages, not more of them; that keeps the memory stream's queue
/// (a fixed number of messages) from being flooded by a reentrant intake.
/// </remarks>
public sealed class FeedbackPublisher
{
    /// <summary>Publishes in flight per silo, over all streams.</summary>
    public const int MaxPublishesInFlight = 16;

    /// <summary>Events per publish: one delivery's worth, so a message never outgrows a training batch.</summary>
    public const int MaxEventsPerPublish = BanditsSiloBuilderExtensions.DeliveryBatchSize;

    private readonly ConcurrentDictionary<StreamId, FeedbackLane> _lanes = new();
    private readonly SemaphoreSlim _slots;
    private readonly int _maxEventsPerPublish;

    public FeedbackPublisher()
        : this(MaxPublishesInFlight, MaxEventsPerPublish)
    {
    }

    internal FeedbackPublisher(int maxPublishesInFlight, int maxEventsPerPublish)
    {
        _slots = new SemaphoreSlim(maxPublishesInFlight, maxPublishesInFlight);
        _maxEventsPerPublish = maxEventsPerPublish;
    }

    /// <summary>Completes when the event is durably in the stream (the publish that carried it completed).</summary>
    public Task PublishAsync(IAsyncStream<FeedbackEvent> stream, FeedbackEvent feedback) =>
        PublishAsync(stream.StreamId, feedback, batch => stream.OnNextBatchAsync(batch));

    /// <param name="stream">Which lane the event joins.</param>
    /// <param name="feedback">The event.</param>
    /// <param name="publish">Appends one batch of the stream; called by whichever caller's lane is draining.</param>
    internal Task PublishAsync(StreamId stream, FeedbackEvent feedback, Func<IReadOnlyList<FeedbackEvent>, Task> publish)
    {
        var waiter = new FeedbackWaiter(feedback);
        while (true)
        {
            var lane = _lanes.GetOrAdd(stream, static (_, p) => new FeedbackLane(p), publish);
            if (!lane.TryAdd(waiter, out var startDrain))
            {
                // The lane was retired between the lookup and the add: take the new one.
                continue;
            }

            if (startDrain)
            {
                // Started inline, so an uncontended event is sent without a thread hop; it is not
                // awaited, because the drain outlives the call that started it.
                _ = DrainAsync(stream, lane);
            }

            return waiter.Task;
        }
    }

    /// <summary>
    /// Publishes the lane's batches until nothing waits. Continuations leave the starting grain's
    /// scheduler (<c>ConfigureAwait(false)</c>): the drain serves every caller of the stream, and must
    /// not depend on one activation staying alive. The request context is cleared, since one caller's
    /// context must not travel with everyone's events (the change stays inside this method).
    /// </summary>
    private async Task DrainAsync(StreamId stream, FeedbackLane lane)
    {
        RequestContext.Clear();
        while (true)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            var batch = lane.TakeBatchOrRetire(_maxEventsPerPublish);
            if (batch.Count == 0)
            {
                _slots.Release();
                _lanes.TryRemove(new KeyValuePair<StreamId, FeedbackLane>(stream, lane));
                return;
            }

            try
            {
                await lane.Publish(batch.ConvertAll(w => w.Feedback)).ConfigureAwait(false);
                foreach (var waiter in batch)
                {
                    waiter.Accepted();
                }
            }
            catch (Exception e)
            {
                foreach (var waiter in batch)
                {
                    waiter.Refused(e);
                }
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
