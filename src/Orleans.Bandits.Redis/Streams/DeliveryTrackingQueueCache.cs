using System.Diagnostics.CodeAnalysis;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Orleans' <see cref="SimpleQueueCache"/>, which hands only successfully delivered containers to
/// <see cref="IQueueAdapterReceiver.MessagesDeliveredAsync(IList{IBatchContainer}, CancellationToken)"/> when it purges
/// them, and silently drops the ones whose delivery failed. This wrapper notices those (the cache purges
/// the oldest containers first, so whatever left it and was not handed over failed) and reports them to
/// the receiver, which retries them and finally dead-letters them.
/// </summary>
/// <remarks>
/// Cursors are the inner cache's own: the pulling agent relies on them to mark every container of a
/// failed delivery, not only the last one.
/// </remarks>
internal sealed class DeliveryTrackingQueueCache(SimpleQueueCache inner, DeliveryLedger ledger) : IQueueCache
{
    private readonly Queue<IBatchContainer> _cached = new();

    public int GetMaxAddCount() => inner.GetMaxAddCount();

    public void AddToCache(IList<IBatchContainer> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                inner.AddToCache([messages[i]]);
            }
            catch
            {
                // Containers the cache refused were never offered to a consumer: retried like failures.
                foreach (var refused in messages.Skip(i))
                {
                    ledger.ReportFailed(refused.SequenceToken.SequenceNumber);
                }

                throw;
            }

            _cached.Enqueue(messages[i]);
        }
    }

    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        var before = inner.Size;
        if (!inner.TryPurgeFromCache(out purgedItems))
        {
            return false;
        }

        var delivered = new HashSet<IBatchContainer>(purgedItems, ReferenceEqualityComparer.Instance);
        for (var left = before - inner.Size; left > 0; left--)
        {
            var container = _cached.Dequeue();
            if (!delivered.Contains(container))
            {
                ledger.ReportFailed(container.SequenceToken.SequenceNumber);
            }
        }

        return true;
    }

    [Obsolete("Use TryGetCacheCursor instead.")]
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token) => inner.GetCacheCursor(streamId, token);

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        ((IQueueCache)inner).TryGetCacheCursor(streamId, token);

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        ((IQueueCache)inner).TryGetCacheCursorAtPosition(streamId, startPosition);

    public bool IsUnderPressure() => inner.IsUnderPressure();

    public void UpdateDeliveryProgress(StreamSequenceToken? earliestSubscriptionToken, DateTime utcNow) =>
        ((IQueueCache)inner).UpdateDeliveryProgress(earliestSubscriptionToken, utcNow);
}
