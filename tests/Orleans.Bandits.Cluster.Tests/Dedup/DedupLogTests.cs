using Orleans.Bandits.Grains.Dedup;

namespace Orleans.Bandits.Cluster.Tests.Dedup;

/// <summary>The dedup log alone, on in-memory segments: what it seals, forgets, merges and survives.</summary>
public sealed class DedupLogTests
{
    private const string Experiment = "acme/hero";
    private const long Now = 1_000_000;
    private const long Later = Now + 60_000;

    private readonly InMemorySegments _segments = new();
    private readonly DedupLogState _state = new();

    [Fact]
    public void An_event_is_applied_once_and_its_mark_waits_in_the_state()
    {
        var log = NewLog();

        Assert.True(log.TryApply(_state, new DedupMark(7, Later)));
        Assert.False(log.TryApply(_state, new DedupMark(7, Later)));
        Assert.Equal([new DedupMark(7, Later)], _state.PendingMarks);
    }

    [Fact]
    public async Task A_full_set_of_marks_is_sealed_into_a_segment_keyed_by_experiment_generation_and_number()
    {
        var log = NewLog();
        Apply(log, 1, DedupLog.SegmentSize);

        var released = await log.Compact(_state, Now);

        Assert.Empty(released);
        Assert.Empty(_state.PendingMarks);
        Assert.Equal(1, _state.NextSegment);
        Assert.Equal([new DedupSegmentRef(0, Later, DedupLog.SegmentSize)], _state.Segments);
        Assert.Equal(DedupLog.SegmentSize, _segments.Stored[$"{Experiment}#3.0"].Length);
    }

    [Fact]
    public async Task A_new_log_loaded_from_the_state_and_its_segments_knows_every_applied_event()
    {
        var log = NewLog();
        Apply(log, 1, DedupLog.SegmentSize + 10);
        await log.Compact(_state, Now);

        var reloaded = NewLog();
        await reloaded.Load(_state, Now);

        Assert.Equal(DedupLog.SegmentSize + 10, reloaded.Count);
        Assert.False(reloaded.TryApply(_state, new DedupMark(1, Later)));
        Assert.False(reloaded.TryApply(_state, new DedupMark(DedupLog.SegmentSize + 10, Later)));
        Assert.True(reloaded.TryApply(_state, new DedupMark(DedupLog.SegmentSize + 11, Later)));
    }

    [Fact]
    public async Task Expired_marks_and_segments_are_forgotten_and_their_segments_released()
    {
        var log = NewLog();
        Apply(log, 1, DedupLog.SegmentSize);
        await log.Compact(_state, Now);
        Assert.True(log.TryApply(_state, new DedupMark(999_999, Later)));

        var released = await log.Compact(_state, Later);

        Assert.Equal([new DedupSegmentRef(0, Later, DedupLog.SegmentSize)], released);
        Assert.Empty(_state.Segments);
        Assert.Empty(_state.PendingMarks);
        Assert.Equal(0, log.Count);
        Assert.True(log.TryApply(_state, new DedupMark(1, Later + 1)));
    }

    [Fact]
    public async Task Small_segments_are_merged_into_one_once_enough_of_them_exist()
    {
        var log = NewLog();
        for (var segment = 0; segment < DedupLog.SegmentsPerMerge; segment++)
        {
            Apply(log, (segment * DedupLog.SegmentSize) + 1, DedupLog.SegmentSize);
            await log.Compact(_state, Now);
        }

        Assert.Equal([new DedupSegmentRef(DedupLog.SegmentsPerMerge, Later, DedupLog.MergedSegmentSize)], _state.Segments);
        Assert.Equal(DedupLog.SegmentsPerMerge + 1, _state.NextSegment);
        Assert.Equal(DedupLog.MergedSegmentSize, _segments.Stored[$"{Experiment}#3.{DedupLog.SegmentsPerMerge}"].Length);
    }

    [Fact]
    public async Task A_segment_that_cannot_be_stored_fails_the_compaction_and_leaves_the_state_as_it_was()
    {
        var log = NewLog();
        Apply(log, 1, DedupLog.SegmentSize);
        _segments.FailStores = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => log.Compact(_state, Now));

        Assert.Equal(DedupLog.SegmentSize, _state.PendingMarks.Count);
        Assert.Empty(_state.Segments);
        Assert.Equal(0, _state.NextSegment);
    }

    [Fact]
    public async Task Clearing_deletes_the_stored_segments_of_the_given_generation()
    {
        var log = NewLog();
        Apply(log, 1, DedupLog.SegmentSize);
        await log.Compact(_state, Now);

        await log.Clear(_state.Generation, _state.Segments);

        Assert.Empty(_segments.Stored);
    }

    private DedupLog NewLog() => new(key => _segments[key], Experiment);

    private void Apply(DedupLog log, int firstKey, int count)
    {
        for (var key = firstKey; key < firstKey + count; key++)
        {
            Assert.True(log.TryApply(_state, new DedupMark((UInt128)key, Later)));
        }
    }
}
