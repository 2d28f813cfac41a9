namespace Orleans.Bandits.Grains.Dedup;

public sealed class DedupSegmentGrain(
    [PersistentState("dedup", BanditsProviders.Storage)] IPersistentState<DedupSegmentState> segment)
    : Grain, IDedupSegmentGrain
{
    public async Task Store(DedupMark[] marks)
    {
        segment.State.Marks = marks;
        await segment.WriteStateAsync();
    }

    public Task<DedupMark[]> Load() => Task.FromResult(segment.State.Marks);

    public async Task Clear()
    {
        await segment.ClearStateAsync();
        DeactivateOnIdle();
    }
}
