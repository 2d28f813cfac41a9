using Microsoft.Extensions.Options;
using Orleans.Bandits.Primitives.Batching;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// Group commit of feedback on one silo. Events for the same experiment stream that arrive while a
/// publish of that stream is under way wait, and go out together in the next publish: one
/// <c>OnNextBatchAsync</c>, i.e. one queue message holding them all. Every caller completes only when the
/// publish that carried its event completed, and fails with it.
/// </summary>
/// <remarks>
/// One publish per stream is in flight at a time, and at most <see cref="FeedbackPublishingOptions.MaxPublishesInFlight"/>
/// per silo: the bound is the intake's backpressure. While publishes wait for a slot their batches grow,
/// so a faster caller makes fuller messages, not more of them; that keeps the memory stream's queue
/// (a fixed number of messages) from being flooded by a reentrant intake.
/// </remarks>
public sealed class FeedbackPublisher
{
    /// <summary>Events per publish: one delivery's worth, so a message never outgrows a training batch.</summary>
    public const int MaxEventsPerPublish = BanditsProviders.DeliveryBatchSize;

    private readonly GroupCommit<StreamId, FeedbackEvent> _commits;

    public FeedbackPublisher(IOptions<FeedbackPublishingOptions> options)
        : this(options.Value.MaxPublishesInFlight, MaxEventsPerPublish)
    {
    }

    internal FeedbackPublisher(int maxPublishesInFlight, int maxEventsPerPublish) =>
        _commits = new GroupCommit<StreamId, FeedbackEvent>(maxEventsPerPublish, maxPublishesInFlight);

    /// <summary>Completes when the event is durably in the stream (the publish that carried it completed).</summary>
    public Task PublishAsync(IAsyncStream<FeedbackEvent> stream, FeedbackEvent feedback) =>
        PublishAsync(stream.StreamId, feedback, batch => stream.OnNextBatchAsync(batch));

    /// <param name="stream">Which lane the event joins.</param>
    /// <param name="feedback">The event.</param>
    /// <param name="publish">Appends one batch of the stream; called by whichever caller's lane is draining.</param>
    internal Task PublishAsync(StreamId stream, FeedbackEvent feedback, Func<IReadOnlyList<FeedbackEvent>, Task> publish) =>
        _commits.AddAsync(stream, feedback, publish);
}
