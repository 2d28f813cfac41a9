using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Cluster.Tests.Dedup;

/// <summary>The persisted half of a dedup log, as an experiment's state holds it.</summary>
public sealed class DedupLogState(long generation = 3) : IDedupLogState
{
    public long Generation { get; } = generation;

    public List<DedupMark> PendingMarks { get; } = [];

    public List<DedupSegmentRef> Segments { get; } = [];

    public long NextSegment { get; set; }
}
