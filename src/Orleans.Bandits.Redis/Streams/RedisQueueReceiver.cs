using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Reads one queue for the pulling agent that owns it. An entry holds messages of one or more streams;
/// it is acknowledged (and deleted) only when the agent's cache has purged every one of its messages as
/// delivered, which happens after the consumers' OnNextAsync completed. A failed delivery is retried one
/// message at a time, and only for the messages not yet delivered, so one poison message cannot drag its
/// neighbours with it; an entry handed out <see cref="RedisStreamOptions.MaxDeliveryAttempts"/> times goes
/// to the dead-letter stream with the messages that never got through. When a silo takes a queue over, it
/// claims the pending entries of the queue's previous consumers.
/// </summary>
/// <remarks>
/// The agent calls a receiver from one turn at a time, so the bookkeeping below needs no locks. Every
/// entry this receiver owns is in exactly one place: in flight (some of its messages in the agent's
/// cache), waiting to be claimed again, or delivered and waiting for its acknowledgement to be written.
/// </remarks>
internal sealed partial class RedisQueueReceiver(
    string provider,
    RedisQueueStore store,
    RedisEntryCodec codec,
    DeliveryLedger ledger,
    RedisStreamOptions options,
    TimeProvider clock,
    ILogger logger) : IQueueAdapterReceiver
{
    private const string StartOfPending = "0-0";

    /// <summary>
    /// Polls new entries are held back for at most while a read is still being delivered: 100 ms at the
    /// default poll period, the slack the visibility bound allows beyond replica TTL + training interval.
    /// A delivery that hangs (a poison entry being retried) delays the rest of its queue by no more.
    /// </summary>
    private const int MaxHeldPolls = 5;

    private readonly string _queue = store.Queue.ToString();
    private readonly DeliveryProgress _progress = new();
    private readonly HashSet<string> _owned = [];
    private readonly Queue<string> _failed = new();
    private readonly Queue<string> _reclaimed = new();
    private readonly List<string> _unacknowledged = [];
    private long _sequence;
    private bool _groupReady;
    private bool _tookOver;
    private string _reclaimCursor = StartOfPending;
    private DateTimeOffset _nextReclaim = DateTimeOffset.MinValue;
    private DateTimeOffset _lastNewRead = DateTimeOffset.MinValue;
    private bool _lastNewReadFull;
    private bool _shutDown;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await store.EnsureGroupAsync().WaitAsync(timeout, cancellationToken);
        _groupReady = true;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var budget = maxCount == QueueAdapterConstants.UNLIMITED_GET_QUEUE_MSG ? options.ReadBatchSize : Math.Min(maxCount, options.ReadBatchSize);
        if (_shutDown || budget <= 0)
        {
            return [];
        }

        var containers = new List<IBatchContainer>();
        try
        {
            if (!_groupReady)
            {
                await store.EnsureGroupAsync();
                _groupReady = true;
            }

            await FlushAcknowledgementsAsync();
            ScheduleFailedDeliveries();
            await ReclaimIfDueAsync();

            // Failed messages go one per container: a poison message then fails alone.
            foreach (var part in await AdmitAsync(await ClaimAsync(_failed, budget)))
            {
                containers.Add(Pack([part]));
            }

            containers.AddRange(PackByStream(await AdmitAsync(await ClaimAsync(_reclaimed, budget - containers.Count))));
            if (budget > containers.Count && !HoldsNewEntries())
            {
                var fresh = await store.ReadNewAsync(budget - containers.Count);
                _lastNewRead = clock.GetUtcNow();
                _lastNewReadFull = fresh.Count == budget - containers.Count;
                containers.AddRange(PackByStream(await AdmitAsync(fresh)));
            }
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // Redis lost the group (it restarted without its data): recreated before the next read.
            _groupReady = false;
            LogGroupMissing(logger, _queue);
            if (containers.Count == 0)
            {
                throw;
            }
        }
        catch (Exception e) when (containers.Count > 0)
        {
            // What was claimed is delivered now; the rest stays queued for the next read.
            LogPartialRead(logger, e, _queue, containers.Count);
        }

        return containers;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            Settle(_progress.Delivered(message.SequenceToken.SequenceNumber));
        }

        await FlushAcknowledgementsAsync();
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    /// <summary>
    /// Entries still owned stay pending under this consumer: the silo that takes the queue over claims them.
    /// </summary>
    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _shutDown = true;
        try
        {
            await FlushAcknowledgementsAsync().WaitAsync(timeout, cancellationToken);
            await store.RemoveSelfIfIdleAsync().WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogCleanupFailed(logger, e, _queue);
        }
    }

    private async Task FlushAcknowledgementsAsync()
    {
        if (_unacknowledged.Count == 0)
        {
            return;
        }

        var ids = _unacknowledged.ToArray();
        try
        {
            await store.AcknowledgeAsync(ids);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Delivered but not yet acknowledged: kept, and written with the next read.
            LogAcknowledgeFailed(logger, e, _queue, ids.Length);
            return;
        }

        _unacknowledged.RemoveRange(0, ids.Length);
        _owned.ExceptWith(ids);
    }

    /// <summary>
    /// Adaptive batching. While containers of the last read are still being delivered, new entries wait in
    /// Redis (for at most <see cref="MaxHeldPolls"/> polls), so that they arrive in fuller containers: each
    /// container is one training step and one state write, and reading as fast as entries trickle in would
    /// hand out one-entry containers that each pay a write, which slows delivery and shrinks the next
    /// containers further. The slower delivery is, the more a container carries. A queue with nothing in
    /// flight is read at once (no added latency when idle), and so is a backlog (the last read was full).
    /// </summary>
    private bool HoldsNewEntries() =>
        _progress.ContainersInFlight > 0 && !_lastNewReadFull && clock.GetUtcNow() - _lastNewRead < options.PollPeriod * MaxHeldPolls;

    private void ScheduleFailedDeliveries()
    {
        foreach (var sequenceNumber in ledger.TakeFailed())
        {
            var settled = _progress.Failed(sequenceNumber);
            Settle(settled);
            if (settled.Incomplete.Count > 0)
            {
                LogRetrying(logger, _queue, settled.Incomplete.Count);
            }
        }
    }

    /// <summary>Entries with nothing in flight any more: acknowledged when all got through, claimed again when not.</summary>
    private void Settle(DeliveryProgress.Settled settled)
    {
        _unacknowledged.AddRange(settled.Complete);
        foreach (var id in settled.Incomplete)
        {
            _failed.Enqueue(id);
        }
    }

    /// <summary>
    /// On its first read the new owner takes every pending entry of the queue's other consumers at once
    /// (their owner is gone or leaving; a copy it still delivers is dropped by the consumer's dedup);
    /// afterwards, every <see cref="RedisStreamOptions.ReclaimPeriod"/>, the ones idle for
    /// <see cref="RedisStreamOptions.ReclaimIdleTime"/>.
    /// </summary>
    private async Task ReclaimIfDueAsync()
    {
        var now = clock.GetUtcNow();
        if (now < _nextReclaim || _reclaimed.Count > 0)
        {
            return;
        }

        var minIdle = _tookOver ? options.ReclaimIdleTime : TimeSpan.Zero;
        var (ids, next) = await store.AutoClaimIdsAsync(minIdle, _reclaimCursor, options.ReadBatchSize);
        var taken = 0;
        foreach (var id in ids.Where(_owned.Add))
        {
            _reclaimed.Enqueue(id);
            taken++;
        }

        _reclaimCursor = next;
        if (next == StartOfPending)
        {
            // A full pass: the next one waits a period (and, after the takeover, for idle entries only).
            var takeover = !_tookOver;
            _tookOver = true;
            _nextReclaim = now + options.ReclaimPeriod;
            if (!takeover)
            {
                await store.RemoveIdleConsumersAsync(options.ReclaimIdleTime);
            }
        }

        if (taken > 0)
        {
            RedisStreamMetrics.Reclaimed.Add(taken, RedisStreamMetrics.For(provider, _queue));
            LogReclaimed(logger, _queue, taken);
        }
    }

    /// <summary>Claims up to <paramref name="count"/> ids from <paramref name="source"/>; on failure they go back.</summary>
    private async Task<IReadOnlyList<QueueEntry>> ClaimAsync(Queue<string> source, int count)
    {
        var ids = new List<string>(Math.Min(count, source.Count));
        while (ids.Count < count && source.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        try
        {
            var claimed = await store.ClaimAsync(ids);
            // An id Redis did not return was acknowledged by someone else (a previous owner's late delivery).
            foreach (var gone in ids.Except(claimed.Select(e => e.Id)))
            {
                _owned.Remove(gone);
                _progress.Forget(gone);
            }

            return claimed;
        }
        catch
        {
            foreach (var id in ids)
            {
                source.Enqueue(id);
            }

            throw;
        }
    }

    /// <summary>
    /// Takes ownership of the entries, dead-letters the ones that must not be delivered, and returns the
    /// messages of the rest that still need delivering (all of them, unless an earlier delivery of the entry
    /// got part of the way).
    /// </summary>
    private async Task<List<(EntryPart Part, RedisStreamMessage Message)>> AdmitAsync(IReadOnlyList<QueueEntry> entries)
    {
        var deliverable = new List<(EntryPart, RedisStreamMessage)>(entries.Count);
        foreach (var entry in entries)
        {
            _owned.Add(entry.Id);
            if (!codec.TryDecode(entry.Values, out var messages, out var error))
            {
                await DeadLetterAsync(entry, entry.Values, DeadLetterReasons.Undecodable, 0, error);
                continue;
            }

            var parts = _progress.Undelivered(entry.Id, messages.Length)
                .Select(i => (Part: new EntryPart(entry.Id, i, messages.Length), Message: messages[i]))
                .ToList();
            if (entry.Deliveries > options.MaxDeliveryAttempts)
            {
                var undelivered = codec.Encode(parts.ConvertAll(p => p.Message));
                await DeadLetterAsync(entry, undelivered, DeadLetterReasons.MaxDeliveries, entry.Deliveries - 1, "every delivery failed");
            }
            else
            {
                deliverable.AddRange(parts);
            }
        }

        return deliverable;
    }

    /// <param name="entry">The entry leaving the queue.</param>
    /// <param name="values">What the dead letter carries: the entry as read, or the messages of it never delivered.</param>
    /// <param name="reason">One of <see cref="DeadLetterReasons"/>.</param>
    /// <param name="failedDeliveries">Deliveries to consumers that failed.</param>
    /// <param name="detail">For the log line.</param>
    private async Task DeadLetterAsync(QueueEntry entry, NameValueEntry[] values, string reason, long failedDeliveries, string detail)
    {
        try
        {
            await store.DeadLetterAsync(entry.Id, values, reason, failedDeliveries, clock.GetUtcNow());
        }
        catch (Exception e)
        {
            LogDeadLetterFailed(logger, e, entry.Id, _queue);
            _failed.Enqueue(entry.Id);
            return;
        }

        _owned.Remove(entry.Id);
        _progress.Forget(entry.Id);
        RedisStreamMetrics.DeadLettered.Add(1, RedisStreamMetrics.For(provider, _queue, reason));
        LogDeadLettered(logger, entry.Id, _queue, failedDeliveries, reason, detail);
    }

    /// <summary>
    /// Packs messages into containers per stream, in order, up to <see cref="RedisStreamOptions.MaxEventsPerContainer"/>
    /// events each. A message with a request context gets a container of its own, which carries that context.
    /// </summary>
    private IEnumerable<RedisBatchContainer> PackByStream(List<(EntryPart Part, RedisStreamMessage Message)> parts)
    {
        foreach (var stream in parts.GroupBy(p => p.Message.StreamId))
        {
            var pending = new List<(EntryPart, RedisStreamMessage)>();
            var events = 0;
            foreach (var part in stream)
            {
                var alone = part.Message.RequestContext is { Count: > 0 };
                if (pending.Count > 0 && (alone || events + part.Message.Events.Count > options.MaxEventsPerContainer))
                {
                    yield return Pack(pending);
                    pending = [];
                    events = 0;
                }

                pending.Add(part);
                events += part.Message.Events.Count;
                if (alone)
                {
                    yield return Pack(pending);
                    pending = [];
                    events = 0;
                }
            }

            if (pending.Count > 0)
            {
                yield return Pack(pending);
            }
        }
    }

    /// <summary>
    /// The agent's cache orders containers by sequence number, so numbers follow the order containers
    /// are returned in; they are local to this receiver, which is why the adapter is not rewindable.
    /// </summary>
    private RedisBatchContainer Pack(List<(EntryPart Part, RedisStreamMessage Message)> parts)
    {
        var sequenceNumber = _sequence++;
        _progress.Dispatched(sequenceNumber, parts.Select(p => p.Part).ToArray());
        var first = parts[0].Message;
        return new RedisBatchContainer(
            first.StreamId,
            parts.SelectMany(p => p.Message.Events).ToList(),
            first.RequestContext,
            new EventSequenceTokenV2(sequenceNumber));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Entry {EntryId} of {Queue} moved to the dead-letter stream after {FailedDeliveries} failed deliveries ({Reason}: {Detail})")]
    private static partial void LogDeadLettered(ILogger logger, string entryId, string queue, long failedDeliveries, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving entry {EntryId} of {Queue} to the dead-letter stream failed; it stays pending and is tried again")]
    private static partial void LogDeadLetterFailed(ILogger logger, Exception exception, string entryId, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed {Count} pending entries of {Queue} from other consumers")]
    private static partial void LogReclaimed(ILogger logger, string queue, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery of {Count} entries of {Queue} failed; retrying their undelivered messages one by one")]
    private static partial void LogRetrying(ILogger logger, string queue, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging {Count} delivered entries of {Queue} failed; retrying with the next read")]
    private static partial void LogAcknowledgeFailed(ILogger logger, Exception exception, string queue, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Queue} failed part way; delivering the {Count} containers claimed so far")]
    private static partial void LogPartialRead(ILogger logger, Exception exception, string queue, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The consumer group of {Queue} is gone (Redis lost its data?); recreating it")]
    private static partial void LogGroupMissing(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leaving {Queue} cleanly at shutdown failed; the next owner claims what is left and removes this consumer")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string queue);
}
