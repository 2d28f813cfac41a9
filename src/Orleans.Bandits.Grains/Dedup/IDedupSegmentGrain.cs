namespace Orleans.Bandits.Grains.Dedup;

/// <summary>
/// A sealed, immutable chunk of an experiment's dedup marks, keyed
/// <c>{experiment key}#{generation}.{number}</c>. Keeping marks in segments bounds the size of
/// every experiment-state write however many events the feedback window holds.
/// </summary>
[Alias("bandits.IDedupSegmentGrain")]
public interface IDedupSegmentGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task Store(DedupMark[] marks);

    [Alias("Load")]
    Task<DedupMark[]> Load();

    [Alias("Clear")]
    Task Clear();
}
