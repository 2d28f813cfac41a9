namespace Orleans.Bandits.Grains.Dedup;

/// <summary>
/// Exactly-once for one experiment: remembers every applied event until its token expires, in memory
/// (<see cref="DedupIndex"/>) and in storage, where marks accumulate in the experiment's state and are
/// sealed every <see cref="SegmentSize"/> into immutable segment grains. Segments are stored before the
/// state that references them, so a crash in between leaves only an unused segment number behind.
/// </summary>
/// <param name="segment">The segment grain of a key <c>{experiment}#{generation}.{number}</c>.</param>
/// <param name="experimentKey">The experiment's key, the prefix of its segments' keys.</param>
public sealed class DedupLog(Func<string, IDedupSegmentGrain> segment, string experimentKey)
{
    /// <summary>
    /// Marks sealed per segment. Every state write carries the marks not yet sealed, so this bounds what a
    /// delivery rewrites: about 7 KB at most, however small the delivery.
    /// </summary>
    public const int SegmentSize = 256;

    /// <summary>
    /// Small segments (under <see cref="MergedSegmentSize"/> marks) merged into one at a time: bounds the
    /// segment references every state write carries as the feedback window fills.
    /// </summary>
    public const int SegmentsPerMerge = 16;

    /// <summary>A segment with at least this many marks is left as it is.</summary>
    public const int MergedSegmentSize = SegmentSize * SegmentsPerMerge;

    private readonly DedupIndex _index = new();

    /// <summary>Events remembered in memory.</summary>
    public int Count => _index.Count;

    /// <summary>Loads the marks of live segments and the pending marks of <paramref name="state"/>.</summary>
    public async Task Load(IDedupLogState state, long nowUnixMs)
    {
        var segments = await Task.WhenAll(state.Segments.Where(s => s.ExpiresAtUnixMs > nowUnixMs).Select(s => Segment(state.Generation, s.Number).Load()));
        foreach (var mark in segments.SelectMany(marks => marks).Concat(state.PendingMarks))
        {
            _index.TryAdd(mark.Key, mark.ExpiresAtUnixMs);
        }

        _index.Prune(nowUnixMs);
    }

    /// <summary>Whether the key was applied (and has not expired yet).</summary>
    public bool Contains(UInt128 key) => _index.Contains(key);

    /// <summary>Records an event as applied; false when it was applied before (a duplicate to drop).</summary>
    public bool TryApply(IDedupLogState state, DedupMark mark)
    {
        if (!_index.TryAdd(mark.Key, mark.ExpiresAtUnixMs))
        {
            return false;
        }

        state.PendingMarks.Add(mark);
        return true;
    }

    /// <summary>
    /// Seals a full set of pending marks, forgets expired marks and segments, and merges small segments. Call
    /// it before the state write; clear the segments it returns after that write, once nothing references them.
    /// </summary>
    /// <exception cref="Exception">A segment could not be stored; the caller must not write the state.</exception>
    public async Task<IReadOnlyList<DedupSegmentRef>> Compact(IDedupLogState state, long nowUnixMs)
    {
        await SealFullSegment(state);
        _index.Prune(nowUnixMs);
        state.PendingMarks.RemoveAll(m => m.ExpiresAtUnixMs <= nowUnixMs);
        var released = state.Segments.Where(s => s.ExpiresAtUnixMs <= nowUnixMs).ToList();
        state.Segments.RemoveAll(s => s.ExpiresAtUnixMs <= nowUnixMs);
        released.AddRange(await MergeSmallSegments(state, nowUnixMs));
        return released;
    }

    /// <summary>Deletes the stored segments of <paramref name="generation"/>, all at once: a long-running experiment leaves hundreds.</summary>
    public Task Clear(long generation, IEnumerable<DedupSegmentRef> segments) =>
        Task.WhenAll(segments.Select(s => Segment(generation, s.Number).Clear()));

    private async Task SealFullSegment(IDedupLogState state)
    {
        if (state.PendingMarks.Count < SegmentSize)
        {
            return;
        }

        var number = state.NextSegment;
        var marks = state.PendingMarks.ToArray();
        await Segment(state.Generation, number).Store(marks);
        state.Segments.Add(new DedupSegmentRef(number, marks.Max(m => m.ExpiresAtUnixMs), marks.Length));
        state.NextSegment = number + 1;
        state.PendingMarks.Clear();
    }

    /// <summary>
    /// Once <see cref="SegmentsPerMerge"/> small segments exist (refs without a count are left alone), their live
    /// marks are stored as one new segment, which replaces them; returns the replaced ones.
    /// </summary>
    private async Task<IReadOnlyList<DedupSegmentRef>> MergeSmallSegments(IDedupLogState state, long nowUnixMs)
    {
        var small = state.Segments.Where(s => s.Count is > 0 and < MergedSegmentSize).ToList();
        if (small.Count < SegmentsPerMerge)
        {
            return [];
        }

        var loaded = await Task.WhenAll(small.Select(s => Segment(state.Generation, s.Number).Load()));
        var marks = loaded.SelectMany(m => m).Where(m => m.ExpiresAtUnixMs > nowUnixMs).ToArray();
        var number = state.NextSegment;
        if (marks.Length > 0)
        {
            await Segment(state.Generation, number).Store(marks);
        }

        state.Segments.RemoveAll(small.Contains);
        if (marks.Length > 0)
        {
            state.Segments.Add(new DedupSegmentRef(number, marks.Max(m => m.ExpiresAtUnixMs), marks.Length));
            state.NextSegment = number + 1;
        }

        return small;
    }

    private IDedupSegmentGrain Segment(long generation, long number) => segment($"{experimentKey}#{generation}.{number}");
}
