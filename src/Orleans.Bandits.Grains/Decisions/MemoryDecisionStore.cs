using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Bandits.Primitives.Decisions;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// Decision logs in the silo's memory, the local mode's store. Only a log's single writer (its
/// <see cref="DecisionLogGrain"/>) reads and writes it, so a log lives on the silo that activated that grain
/// and is gone when the silo stops, like everything else in local mode.
/// </summary>
public sealed class MemoryDecisionStore : IDecisionStore
{
    private readonly ConcurrentDictionary<string, MemoryLog> _logs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _outcomes = new(StringComparer.Ordinal);

    public Task<string> AppendAsync(string log, ReadOnlyMemory<byte> entry)
    {
        var kept = _logs.GetOrAdd(log, _ => new MemoryLog());
        lock (kept)
        {
            kept.Entries.Add(entry.ToArray());
            return Task.FromResult(IdOf(kept.First + kept.Entries.Count - 1));
        }
    }

    public Task<IReadOnlyList<DecisionLogEntry>> ReadAsync(string log, string? afterId, int count)
    {
        if (!_logs.TryGetValue(log, out var kept))
        {
            return Task.FromResult<IReadOnlyList<DecisionLogEntry>>([]);
        }

        var start = 0;
        if (afterId is not null)
        {
            // An id this store never handed out lies past every entry it has.
            if (!int.TryParse(afterId, NumberStyles.None, CultureInfo.InvariantCulture, out var after) || after == int.MaxValue)
            {
                return Task.FromResult<IReadOnlyList<DecisionLogEntry>>([]);
            }

            start = after + 1;
        }

        lock (kept)
        {
            var page = new List<DecisionLogEntry>();
            for (var i = Math.Max(start, kept.First); i < kept.First + kept.Entries.Count && page.Count < count; i++)
            {
                page.Add(new DecisionLogEntry(IdOf(i), kept.Entries[i - kept.First]));
            }

            return Task.FromResult<IReadOnlyList<DecisionLogEntry>>(page);
        }
    }

    public Task AppendOutcomesAsync(string log, IReadOnlyList<KeyValuePair<string, byte[]>> outcomes)
    {
        var kept = _outcomes.GetOrAdd(log, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));
        foreach (var (field, value) in outcomes)
        {
            kept.AddOrUpdate(field, value, (_, earlier) => [.. earlier, .. value]);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<byte[]?>> GetOutcomesAsync(string log, IReadOnlyList<string> fields)
    {
        _outcomes.TryGetValue(log, out var kept);
        return Task.FromResult<IReadOnlyList<byte[]?>>(fields.Select(f => kept?.GetValueOrDefault(f)).ToList());
    }

    public Task TrimAsync(string log, string throughId, IReadOnlyList<string> outcomeFields)
    {
        if (_outcomes.TryGetValue(log, out var outcomes))
        {
            foreach (var field in outcomeFields)
            {
                outcomes.TryRemove(field, out _);
            }
        }

        if (_logs.TryGetValue(log, out var kept) && int.TryParse(throughId, NumberStyles.None, CultureInfo.InvariantCulture, out var through))
        {
            lock (kept)
            {
                var removed = Math.Clamp(through - kept.First + 1, 0, kept.Entries.Count);
                kept.Entries.RemoveRange(0, removed);
                kept.First += removed;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string log)
    {
        _logs.TryRemove(log, out _);
        _outcomes.TryRemove(log, out _);
        return Task.CompletedTask;
    }

    /// <summary>Fixed width, so ids order as strings do.</summary>
    private static string IdOf(int index) => index.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>A log's entries kept and the id of the first: ids stay those handed out when older entries are trimmed.</summary>
    private sealed class MemoryLog
    {
        public List<byte[]> Entries { get; } = [];

        public int First { get; set; }
    }
}
