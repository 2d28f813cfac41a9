using Orleans.Bandits.Contracts;

namespace Orleans.Bandits.Grains.Health;

public sealed class StorageProbeGrain(
    [PersistentState("probe", BanditsStorage.Name)] IPersistentState<StorageProbeState> probe,
    TimeProvider clock)
    : Grain, IStorageProbeGrain
{
    public async Task Probe()
    {
        probe.State.LastProbe = clock.GetUtcNow();
        await probe.WriteStateAsync();
    }
}
