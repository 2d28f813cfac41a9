using Orleans.Bandits.Primitives.Decisions;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Decisions;

/// <summary>
/// Decision logs as Redis streams, one per log (<c>{serviceId}/decisions/{log}</c>): an entry is appended with
/// one XADD and read back with XRANGE from an exclusive start, so stream ids are the cursors.
/// </summary>
public sealed class RedisDecisionStore(ConfigurationOptions redis, string serviceId) : IDecisionStore, IAsyncDisposable
{
    private const string Field = "d";

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

    public async Task DeleteAsync(string log) => await (await Database()).KeyDeleteAsync(Key(log));

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private async Task<IDatabase> Database() => (await _connection.Value).GetDatabase();

    private RedisKey Key(string log) => $"{serviceId}/decisions/{log}";
}
