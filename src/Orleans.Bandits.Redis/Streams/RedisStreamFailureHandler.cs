using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Replaces Orleans' no-op handler, under which a delivery that timed out was skipped without a trace.
/// Here a failure is logged and counted, and its entries stay pending in Redis: the receiver retries
/// them and dead-letters them after <see cref="RedisStreamOptions.MaxDeliveryAttempts"/>.
/// </summary>
internal sealed partial class RedisStreamFailureHandler(string provider, string queue, int maxDeliveryAttempts, ILogger logger) : IStreamFailureHandler
{
    /// <summary>Faulting would end explicit subscriptions for good; retries and the dead-letter stream handle failures instead.</summary>
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        RedisStreamMetrics.DeliveryFailures.Add(1, RedisStreamMetrics.For(provider, queue));
        LogDeliveryFailed(logger, streamIdentity, sequenceToken, queue, maxDeliveryAttempts);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailed(logger, subscriptionId, streamIdentity, queue);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of stream {StreamId} at {Token} from {Queue} failed; its entries stay pending and are retried, up to {MaxAttempts} deliveries, then dead-lettered")]
    private static partial void LogDeliveryFailed(ILogger logger, StreamId streamId, StreamSequenceToken? token, string queue, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription {SubscriptionId} to stream {StreamId} on {Queue} could not be established")]
    private static partial void LogSubscriptionFailed(ILogger logger, GuidId subscriptionId, StreamId streamId, string queue);
}
