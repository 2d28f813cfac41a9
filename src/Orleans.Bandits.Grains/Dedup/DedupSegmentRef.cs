namespace Orleans.Bandits.Grains.Dedup;

/// <summary>
/// A sealed segment of dedup marks stored apart from the experiment state, when its last mark expires,
/// and how many marks it holds (0 in refs written before the count was kept: such a segment is never merged).
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.DedupSegmentRef")]
public readonly record struct DedupSegmentRef([property: Id(0)] long Number, [property: Id(1)] long ExpiresAtUnixMs, [property: Id(2)] int Count = 0);
