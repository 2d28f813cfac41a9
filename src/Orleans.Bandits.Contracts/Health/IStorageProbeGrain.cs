namespace Orleans.Bandits.Contracts.Health;

/// <summary>Readiness: a write and read through the platform's grain storage.</summary>
[Alias("bandits.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <exception cref="Exception">The storage provider could not be written.</exception>
    [Alias("Probe")]
    Task Probe();
}
