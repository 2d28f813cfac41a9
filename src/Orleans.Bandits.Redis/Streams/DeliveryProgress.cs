namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Which messages of each entry a receiver handed out have been delivered. An entry's messages may belong
/// to different streams and so travel in different containers; the entry is acknowledged when every one of
/// them was delivered, and claimed again (for the ones that were not) when none is in flight any more.
/// </summary>
/// <remarks>Used from the receiver's turns only, one at a time, like the receiver itself.</remarks>
internal sealed class DeliveryProgress
{
    private readonly Dictionary<long, EntryPart[]> _containers = [];
    private readonly Dictionary<string, Entry> _entries = [];

    /// <summary>Containers handed to the agent and not yet reported delivered or failed.</summary>
    public int ContainersInFlight => _containers.Count;

    /// <summary>
    /// The messages of <paramref name="entryId"/> still to deliver: all of them for an entry not seen
    /// before (or forgotten), only the undelivered ones for an entry that failed part way.
    /// </summary>
    public IEnumerable<int> Undelivered(string entryId, int messages) =>
        _entries.TryGetValue(entryId, out var entry) ? entry.Undelivered() : Enumerable.Range(0, messages);

    /// <summary>The container <paramref name="sequenceNumber"/> carries <paramref name="parts"/>.</summary>
    public void Dispatched(long sequenceNumber, EntryPart[] parts)
    {
        _containers[sequenceNumber] = parts;
        foreach (var part in parts)
        {
            if (!_entries.TryGetValue(part.EntryId, out var entry))
            {
                entry = new Entry(part.Of);
                _entries[part.EntryId] = entry;
            }

            entry.InFlight++;
        }
    }

    /// <summary>Records a delivered container; returns the entries it settled (see <see cref="Settled"/>).</summary>
    public Settled Delivered(long sequenceNumber) => Resolve(sequenceNumber, delivered: true);

    /// <summary>Records a failed container; returns the entries it settled (see <see cref="Settled"/>).</summary>
    public Settled Failed(long sequenceNumber) => Resolve(sequenceNumber, delivered: false);

    /// <summary>Drops what is known of the entry: it was acknowledged by someone, or dead-lettered.</summary>
    public void Forget(string entryId) => _entries.Remove(entryId);

    private Settled Resolve(long sequenceNumber, bool delivered)
    {
        var settled = new Settled([], []);
        if (!_containers.Remove(sequenceNumber, out var parts))
        {
            return settled;
        }

        foreach (var part in parts)
        {
            if (!_entries.TryGetValue(part.EntryId, out var entry))
            {
                continue;
            }

            entry.InFlight--;
            if (delivered)
            {
                entry.Delivered[part.Index] = true;
            }

            // The last of an entry's parts in flight settles it; no later part of this container belongs to it.
            if (entry.InFlight > 0)
            {
                continue;
            }

            if (entry.Delivered.All(d => d))
            {
                _entries.Remove(part.EntryId);
                settled.Complete.Add(part.EntryId);
            }
            else
            {
                settled.Incomplete.Add(part.EntryId);
            }
        }

        return settled;
    }

    /// <summary>Entries with nothing left in flight: fully delivered (to acknowledge), or not (to claim again).</summary>
    public sealed record Settled(List<string> Complete, List<string> Incomplete);

    private sealed class Entry(int messages)
    {
        public bool[] Delivered { get; } = new bool[messages];

        public int InFlight { get; set; }

        public IEnumerable<int> Undelivered() => Enumerable.Range(0, Delivered.Length).Where(i => !Delivered[i]);
    }
}
