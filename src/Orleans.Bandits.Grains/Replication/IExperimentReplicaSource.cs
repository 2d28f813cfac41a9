using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Replication;

/// <summary>The experiment grain as its selector replicas see it: the snapshot they serve from.</summary>
[Alias("bandits.IExperimentReplicaSource")]
public interface IExperimentReplicaSource : IGrainWithStringKey
{
    /// <summary>
    /// The current snapshot, or <c>null</c> when the replica's <paramref name="knownGeneration"/> and
    /// <paramref name="knownVersion"/> are still current (a re-created experiment starts its versions again).
    /// </summary>
    /// <exception cref="BanditsException">NotFound when the experiment does not exist (or was deleted).</exception>
    [Alias("GetSnapshot"), ReadOnly]
    Task<ExperimentSnapshot?> GetSnapshot(long knownGeneration, long knownVersion);
}
