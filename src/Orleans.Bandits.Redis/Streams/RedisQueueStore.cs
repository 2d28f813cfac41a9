using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// The Redis commands on one queue, as one consumer of the queue's consumer group. Every command
/// either completes or throws; none of them loses an entry when it throws.
/// </summary>
internal sealed class RedisQueueStore(IDatabase redis, RedisKey queue, RedisKey deadLetter, RedisValue consumer, RedisStreamOptions options)
{
    /// <summary>Acknowledgements and deletions are sent in chunks of this many ids.</summary>
    private const int IdsPerCommand = 500;

    /// <summary>
    /// Claims each id (XCLAIM counts a delivery) and returns it with its delivery count. Entries that no
    /// longer exist are skipped: someone acknowledged them, or Redis dropped them from the pending list.
    /// </summary>
    private const string ClaimScript = """
        local claimed = {}
        for i = 3, #ARGV do
          local entry = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i])[1]
          if entry then
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)[1]
            claimed[#claimed + 1] = {entry[1], pending and pending[4] or 1, entry[2]}
          end
        end
        return claimed
        """;

    /// <summary>Deletes a consumer only while it holds no pending entry: deleting one that does would orphan them.</summary>
    private const string DeleteIdleConsumerScript = """
        if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) == 0 then
          return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
        end
        return -1
        """;

    public RedisKey Queue => queue;

    /// <summary>
    /// Creates the group at the start of the stream, not at its end: entries published before any silo
    /// read this queue are still delivered.
    /// </summary>
    public async Task EnsureGroupAsync()
    {
        try
        {
            await redis.StreamCreateConsumerGroupAsync(queue, RedisStreamKeys.ConsumerGroup, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another silo, or an earlier owner, created it.
        }
    }

    public async Task<IReadOnlyList<QueueEntry>> ReadNewAsync(int count)
    {
        var entries = await redis.StreamReadGroupAsync(queue, RedisStreamKeys.ConsumerGroup, consumer, StreamPosition.NewMessages, count);
        return entries.Select(e => new QueueEntry(e.Id.ToString(), 1, e.Values)).ToList();
    }

    /// <summary>
    /// Takes over pending entries idle at least <paramref name="minIdle"/>, from any consumer, without
    /// counting a delivery (JUSTID): the caller claims the ones it did not already hold.
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, string Next)> AutoClaimIdsAsync(TimeSpan minIdle, string start, int count)
    {
        var page = await redis.StreamAutoClaimIdsOnlyAsync(queue, RedisStreamKeys.ConsumerGroup, consumer, (long)minIdle.TotalMilliseconds, start, count);
        return (page.ClaimedIds.Select(id => id.ToString()).ToList(), page.NextStartId.ToString());
    }

    public async Task<IReadOnlyList<QueueEntry>> ClaimAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var arguments = new RedisValue[ids.Count + 2];
        arguments[0] = RedisStreamKeys.ConsumerGroup;
        arguments[1] = consumer;
        for (var i = 0; i < ids.Count; i++)
        {
            arguments[i + 2] = ids[i];
        }

        var rows = (RedisResult[])(await redis.ScriptEvaluateAsync(ClaimScript, [queue], arguments))!;
        return rows.Select(row =>
        {
            var columns = (RedisResult[])row!;
            var fields = (RedisResult[])columns[2]!;
            var values = new NameValueEntry[fields.Length / 2];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = new NameValueEntry((RedisValue)fields[2 * i], (RedisValue)fields[(2 * i) + 1]);
            }

            return new QueueEntry(columns[0].ToString(), (long)columns[1], values);
        }).ToList();
    }

    /// <summary>
    /// Acknowledges and deletes in one transaction, so an entry is never acknowledged and left behind:
    /// the stream holds only entries not yet delivered, which keeps its memory bounded.
    /// </summary>
    public async Task AcknowledgeAsync(IReadOnlyList<string> ids)
    {
        foreach (var chunk in ids.Select(id => (RedisValue)id).Chunk(IdsPerCommand))
        {
            var transaction = redis.CreateTransaction();
            var acknowledged = transaction.StreamAcknowledgeAsync(queue, RedisStreamKeys.ConsumerGroup, chunk);
            var deleted = transaction.StreamDeleteAsync(queue, chunk);
            await transaction.ExecuteAsync();
            await Task.WhenAll(acknowledged, deleted);
        }
    }

    /// <summary>
    /// Writes the dead letter, then acknowledges the entry. A failure in between leaves the entry pending,
    /// so it is dead-lettered again rather than lost.
    /// </summary>
    /// <param name="entryId">The entry leaving the queue.</param>
    /// <param name="values">What the dead letter carries of it.</param>
    /// <param name="reason">One of <see cref="DeadLetterReasons"/>.</param>
    /// <param name="failedDeliveries">Deliveries to consumers that failed (none for an entry that could not be decoded).</param>
    /// <param name="now">When.</param>
    public async Task DeadLetterAsync(string entryId, NameValueEntry[] values, string reason, long failedDeliveries, DateTimeOffset now)
    {
        NameValueEntry[] fields =
        [
            .. values,
            new("dead-letter.queue", queue.ToString()),
            new("dead-letter.id", entryId),
            new("dead-letter.deliveries", failedDeliveries),
            new("dead-letter.reason", reason),
            new("dead-letter.at", now.ToUnixTimeMilliseconds()),
        ];
        await redis.StreamAddAsync(deadLetter, fields, maxLength: options.DeadLetterMaxLength, useApproximateMaxLength: true);
        await AcknowledgeAsync([entryId]);
    }

    /// <summary>Forgets consumers of departed owners, once they hold nothing, so the group stays small.</summary>
    public async Task<int> RemoveIdleConsumersAsync(TimeSpan minIdle)
    {
        var removed = 0;
        foreach (var other in await redis.StreamConsumerInfoAsync(queue, RedisStreamKeys.ConsumerGroup))
        {
            if (other.Name != consumer && other.PendingMessageCount == 0 && other.IdleTimeInMilliseconds >= minIdle.TotalMilliseconds
                && await RemoveConsumerIfIdleAsync(other.Name))
            {
                removed++;
            }
        }

        return removed;
    }

    public Task<bool> RemoveSelfIfIdleAsync() => RemoveConsumerIfIdleAsync(consumer);

    private async Task<bool> RemoveConsumerIfIdleAsync(RedisValue name) =>
        (long)(await redis.ScriptEvaluateAsync(DeleteIdleConsumerScript, [queue], [RedisStreamKeys.ConsumerGroup, name])) >= 0;
}
