namespace Orleans.Bandits.Grains.Dedup;

/// <summary>
/// The part of an experiment's persisted state that records which events it applied. It lives in the
/// experiment's own record, so the marks are written in the same write as the learning they stand for.
/// </summary>
public interface IDedupLogState
{
    /// <summary>Segments of one incarnation never mix with another's: their keys carry it.</summary>
    long Generation { get; }

    /// <summary>Marks of applied events not yet sealed into a segment.</summary>
    List<DedupMark> PendingMarks { get; }

    /// <summary>Sealed segments still referenced.</summary>
    List<DedupSegmentRef> Segments { get; }

    /// <summary>The number the next sealed or merged segment gets.</summary>
    long NextSegment { get; set; }
}
