namespace Orleans.Bandits.Grains.Dedup;

/// <summary>A sealed segment of dedup marks stored apart from the experiment state, and when its last mark expires.</summary>
[GenerateSerializer, Immutable, Alias("bandits.DedupSegmentRef")]
public readonly record struct DedupSegmentRef([property: Id(0)] long Number, [property: Id(1)] long ExpiresAtUnixMs);
