namespace Orleans.Bandits.Grains.Dedup;

/// <summary>
/// The in-memory set of events an experiment has applied, each remembered until its token
/// expires (a later copy of an expired token is refused at intake with 410, so it can never
/// reach the grain). Memory: about 48 bytes per event applied within the feedback window.
/// </summary>
public sealed class DedupIndex
{
    private readonly HashSet<UInt128> _keys = [];
    private readonly PriorityQueue<UInt128, long> _expiries = new();

    public int Count => _keys.Count;

    /// <summary>Remembers the key; false when it was already applied.</summary>
    public bool TryAdd(UInt128 key, long expiresAtUnixMs)
    {
        if (!_keys.Add(key))
        {
            return false;
        }

        _expiries.Enqueue(key, expiresAtUnixMs);
        return true;
    }

    public bool Contains(UInt128 key) => _keys.Contains(key);

    /// <summary>Forgets every key whose token has expired by <paramref name="nowUnixMs"/>.</summary>
    public void Prune(long nowUnixMs)
    {
        while (_expiries.TryPeek(out var key, out var expiresAt) && expiresAt <= nowUnixMs)
        {
            _expiries.Dequeue();
            _keys.Remove(key);
        }
    }
}
