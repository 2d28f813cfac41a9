using System.Globalization;
using Orleans.Bandits.Primitives.DeadLetters;
using StackExchange.Redis;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// A stream provider's dead-letter stream (<c>{serviceId}/streams/{provider}/dead-letter</c>), paged with XRANGE from an
/// exclusive start, so letter ids are the cursors. A replay appends the entry's own fields to the queue it left, whose
/// owner delivers it like any new entry.
/// </summary>
public sealed class RedisDeadLetterStore(ConfigurationOptions redis, string serviceId, string providerName) : IDeadLetterStore, IAsyncDisposable
{
    private const string LetterFieldPrefix = "dead-letter.";
    private const string QueueField = LetterFieldPrefix + "queue";

    private readonly RedisKey _key = new RedisStreamKeys(serviceId, providerName).DeadLetter;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(redis));

    public async Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? afterId, int count)
    {
        var letters = await (await Database()).StreamRangeAsync(_key, afterId is null ? "-" : "(" + afterId, "+", count);
        return letters.Select(Read).ToList();
    }

    public async Task<bool> ReplayAsync(string id)
    {
        var database = await Database();
        if (await database.StreamRangeAsync(_key, id, id, 1) is not [var letter] || letter[QueueField] is not { IsNull: false } queue)
        {
            return false;
        }

        var entry = letter.Values.Where(v => !v.Name.ToString().StartsWith(LetterFieldPrefix, StringComparison.Ordinal)).ToArray();
        await database.StreamAddAsync((string)queue!, entry);
        await database.StreamDeleteAsync(_key, [id]);
        return true;
    }

    public async Task<bool> DeleteAsync(string id) => await (await Database()).StreamDeleteAsync(_key, [id]) > 0;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    private static DeadLetterEntry Read(StreamEntry letter) => new(
        letter.Id.ToString(),
        (string?)letter[QueueField] ?? "",
        (string?)letter[LetterFieldPrefix + "id"] ?? "",
        (string?)letter[LetterFieldPrefix + "reason"] ?? "",
        (long)letter[LetterFieldPrefix + "deliveries"],
        DateTimeOffset.FromUnixTimeMilliseconds((long)letter[LetterFieldPrefix + "at"]),
        ((string?)letter[RedisEntryCodec.StreamsField] ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private async Task<IDatabase> Database() => (await _connection.Value).GetDatabase();
}
