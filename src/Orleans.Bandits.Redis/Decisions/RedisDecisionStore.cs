using System.Globalization;
using Orleans.Bandits.Primitives.Decisions;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Decisions;

/// <summary>
/// Decision logs as Redis streams, one per log (<c>{serviceId}/decisions/{log}</c>): an entry is appended with
/// one XADD and read back with XRANGE from an exclusive start, so stream ids are the cursors. Outcomes are a hash
/// beside it (<c>{serviceId}/outcomes/{log}</c>), one field per selection, appended to by one script call per batch.
/// </summary>
public sealed class RedisDecisionStore(ConfigurationOptions redis, string serviceId) : IDecisionStore, IAsyncDisposable
{
    private const string Field = "d";

    private const string AppendOutcomesScript = """
        for i = 1, #ARGV, 2 do
          local kept = redis.call('HGET', KEYS[1], ARGV[i])
          redis.call('HSET', KEYS[1], ARGV[i], (kept or '') .. ARGV[i + 1])
        end
        return 0
        """;

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(redis));

    public async Task<string> AppendAsync(string log, ReadOnlyMemory<byte> entry)
    {
        var id = await (await Database()).StreamAddAsync(Key(log), Field, entry);
        return id.ToString();
    }

    public async Task<IReadOnlyList<DecisionLogEntry>> ReadAsync(string log, string? afterId, int count)
    {
        var entries = await (await Database()).StreamRangeAsync(Key(log), afterId is null ? "-" : "(" + afterId, "+", count);
        return entries.Select(e => new DecisionLogEntry(e.Id.ToString(), (byte[])e[Field]!)).ToList();
    }

    public async Task AppendOutcomesAsync(string log, IReadOnlyList<KeyValuePair<string, byte[]>> outcomes) =>
        await (await Database()).ScriptEvaluateAsync(
            AppendOutcomesScript,
            [OutcomesKey(log)],
            outcomes.SelectMany(o => new RedisValue[] { o.Key, o.Value }).ToArray());

    public async Task<IReadOnlyList<byte[]?>> GetOutcomesAsync(string log, IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
        {
            return [];
        }

        var values = await (await Database()).HashGetAsync(OutcomesKey(log), fields.Select(f => (RedisValue)f).ToArray());
        return values.Select(v => v.IsNull ? null : (byte[]?)v).ToList();
    }

    /// <summary>
    /// HDEL of the outcomes, then XTRIM MINID at the id after <paramref name="throughId"/>: two commands, since the
    /// keys may live on different cluster nodes. A failure between them leaves the entries, and the next trim reads
    /// them again and deletes the same fields.
    /// </summary>
    public async Task TrimAsync(string log, string throughId, IReadOnlyList<string> outcomeFields)
    {
        var database = await Database();
        if (outcomeFields.Count > 0)
        {
            await database.HashDeleteAsync(OutcomesKey(log), outcomeFields.Select(f => (RedisValue)f).ToArray());
        }

        await database.ExecuteAsync("XTRIM", Key(log), "MINID", IdAfter(throughId));
    }

    public async Task DeleteAsync(string log) => await (await Database()).KeyDeleteAsync([Key(log), OutcomesKey(log)]);

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    /// <summary>The least stream id greater than <paramref name="id"/> (<c>ms-seq</c>): XTRIM MINID keeps the entries from it on.</summary>
    private static string IdAfter(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var milliseconds = ulong.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture);
        var sequence = ulong.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture);
        return sequence == ulong.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds + 1}-0")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds}-{sequence + 1}");
    }

    private async Task<IDatabase> Database() => (await _connection.Value).GetDatabase();

    private RedisKey Key(string log) => $"{serviceId}/decisions/{log}";

    private RedisKey OutcomesKey(string log) => $"{serviceId}/outcomes/{log}";
}
