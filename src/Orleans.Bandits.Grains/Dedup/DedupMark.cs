namespace Orleans.Bandits.Grains.Dedup;

/// <summary>An applied event's key and the instant its token stops being accepted (after which the mark can go).</summary>
[GenerateSerializer, Immutable, Alias("bandits.DedupMark")]
public readonly record struct DedupMark([property: Id(0)] UInt128 Key, [property: Id(1)] long ExpiresAtUnixMs);
