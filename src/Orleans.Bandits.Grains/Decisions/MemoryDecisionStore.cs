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
    private readonly ConcurrentDictionary<string, List<byte[]>> _logs = new(StringComparer.Ordinal);

    public Task<string> AppendAsync(string log, ReadOnlyMemory<byte> entry)
    {
        var entries = _logs.GetOrAdd(log, _ => []);
        lock (entries)
        {
            entries.Add(entry.ToArray());
            return Task.FromResult(IdOf(entries.Count - 1));
        }
    }

    public Task<IReadOnlyList<DecisionLogEntry>> ReadAsync(string log, string? afterId, int count)
    {
        if (!_logs.TryGetValue(log, out var entries))
        {
            return Task.FromResult<IReadOnlyList<DecisionLogEntry>>([]);
        }

        var start = afterId is null ? 0 : int.Parse(afterId, CultureInfo.InvariantCulture) + 1;
        lock (entries)
        {
            var page = new List<DecisionLogEntry>();
            for (var i = start; i < entries.Count && page.Count < count; i++)
            {
                page.Add(new DecisionLogEntry(IdOf(i), entries[i]));
            }

            return Task.FromResult<IReadOnlyList<DecisionLogEntry>>(page);
        }
    }

    public Task DeleteAsync(string log)
    {
        _logs.TryRemove(log, out _);
        return Task.CompletedTask;
    }

    /// <summary>Fixed width, so ids order as strings do.</summary>
    private static string IdOf(int index) => index.ToString("D10", CultureInfo.InvariantCulture);
}
