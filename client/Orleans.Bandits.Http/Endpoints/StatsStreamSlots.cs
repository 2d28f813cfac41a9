using System.Collections.Concurrent;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>The stats streams each API key holds open on this host, so one key cannot hold connections without bound.</summary>
public sealed class StatsStreamSlots
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for <paramref name="key"/>; false (and nothing taken) when it already holds <paramref name="limit"/>.</summary>
    public bool TryTake(string key, int limit)
    {
        if (_open.AddOrUpdate(key, 1, (_, open) => open + 1) <= limit)
        {
            return true;
        }

        Release(key);
        return false;
    }

    public void Release(string key)
    {
        if (_open.AddOrUpdate(key, 0, (_, open) => open - 1) <= 0)
        {
            _open.TryRemove(new KeyValuePair<string, int>(key, 0));
        }
    }
}
