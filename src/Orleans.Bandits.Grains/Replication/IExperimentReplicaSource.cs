using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Replication;

/// <summary>The experiment grain as its selector replicas see it: the snapshot they serve from.</summary>
[Alias("bandits.IExperimentReplicaSource")]
public interface IExperimentReplicaSource : IGrainWithStringKey
{
    /// <summary>The current snapshot, or <c>null</c> when <paramref name="knownVersion"/> is still current.</summary>
    /// <exception cref="BanditsException">NotFound when the experiment does not exist (or was deleted).</exception>
    [Alias("GetSnapshot"), ReadOnly]
    Task<ExperimentSnapshot?> GetSnapshot(long knownVersion);
}
