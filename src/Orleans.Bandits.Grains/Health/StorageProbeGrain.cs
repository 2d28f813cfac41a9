
namespace Orleans.Bandits.Grains.Health;

public sealed class StorageProbeGrain(
    [PersistentState("probe", BanditsProviders.Storage)] IPersistentState<StorageProbeState> probe,
    TimeProvider clock)
    : Grain, IStorageProbeGrain
{
    public async Task Probe()
    {
        probe.State.LastProbe = clock.GetUtcNow();
        await probe.WriteStateAsync();
    }
}
