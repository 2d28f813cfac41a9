namespace Orleans.Bandits.Grains.Dedup;

/// <summary>The stored marks of one sealed segment.</summary>
[GenerateSerializer, Alias("bandits.DedupSegmentState")]
public sealed class DedupSegmentState
{
    [Id(0)]
    public DedupMark[] Marks { get; set; } = [];
}
