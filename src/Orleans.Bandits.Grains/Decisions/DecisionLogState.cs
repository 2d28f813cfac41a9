using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Grains.Decisions;

/// <summary>
/// What a decision log persists besides the log itself (which is in the <c>IDecisionStore</c>): the marks of
/// claimed outcomes, kept as an experiment keeps its dedup marks, the counts, and how far the reward-wait
/// sweep has read.
/// </summary>
[GenerateSerializer, Alias("bandits.DecisionLogState")]
public sealed class DecisionLogState : IDedupLogState
{
    /// <summary>Always 0: the log's own key carries the experiment's incarnation.</summary>
    [Id(0)]
    public long Generation { get; set; }

    [Id(1)]
    public List<DedupMark> PendingMarks { get; set; } = [];

    [Id(2)]
    public List<DedupSegmentRef> Segments { get; set; } = [];

    [Id(3)]
    public long NextSegment { get; set; }

    /// <summary>Decisions counted, through the entry <see cref="CountedThrough"/>.</summary>
    [Id(4)]
    public long Decisions { get; set; }

    [Id(5)]
    public List<long> DecisionsPerArm { get; set; } = [];

    /// <summary>The last entry counted: entries appended after it (before a crash) are counted on activation.</summary>
    [Id(6)]
    public string? CountedThrough { get; set; }

    /// <summary>The last entry the reward-wait sweep finished.</summary>
    [Id(7)]
    public string? SweptThrough { get; set; }

    /// <summary>Decisions of the entry after <see cref="SweptThrough"/> already swept.</summary>
    [Id(8)]
    public int SweptInNextEntry { get; set; }
}
