using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Grains.Outcomes;

/// <summary>What an outcome ledger persists: its marks, kept as an experiment keeps its dedup marks.</summary>
[GenerateSerializer, Alias("bandits.OutcomeLedgerState")]
public sealed class OutcomeLedgerState : IDedupLogState
{
    /// <summary>Always 0: the ledger's own key carries the experiment's incarnation.</summary>
    [Id(0)]
    public long Generation { get; set; }

    [Id(1)]
    public List<DedupMark> PendingMarks { get; set; } = [];

    [Id(2)]
    public List<DedupSegmentRef> Segments { get; set; } = [];

    [Id(3)]
    public long NextSegment { get; set; }
}
