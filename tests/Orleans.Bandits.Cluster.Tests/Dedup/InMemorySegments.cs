using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Cluster.Tests.Dedup;

/// <summary>Segment grains as plain objects, keyed like the real ones, with a switch that makes every store fail.</summary>
public sealed class InMemorySegments
{
    private readonly Dictionary<string, DedupMark[]> _stored = new(StringComparer.Ordinal);

    public bool FailStores { get; set; }

    public IReadOnlyDictionary<string, DedupMark[]> Stored => _stored;

    public IDedupSegmentGrain this[string key] => new Segment(this, key);

    private sealed class Segment(InMemorySegments owner, string key) : IDedupSegmentGrain
    {
        public Task Store(DedupMark[] marks)
        {
            if (owner.FailStores)
            {
                throw new InvalidOperationException("Storage is down.");
            }

            owner._stored[key] = marks;
            return Task.CompletedTask;
        }

        public Task<DedupMark[]> Load() => Task.FromResult(owner._stored.GetValueOrDefault(key, []));

        public Task Clear()
        {
            owner._stored.Remove(key);
            return Task.CompletedTask;
        }
    }
}
