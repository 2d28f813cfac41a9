namespace Orleans.Bandits.Grains.Replication;

/// <summary>
/// Decides which snapshot an experiment hands its replicas. Training batches are published at most once per
/// training interval, since building a snapshot can be costly (e.g. Cholesky factors for contextual policies);
/// control changes (pause, arms, blocks) are published at once.
/// </summary>
public sealed class SnapshotPublisher(TimeProvider clock)
{
    private ExperimentSnapshot? _published;
    private long _builtAtMs;
    private bool _controlChanged = true;

    /// <summary>The next request builds a fresh snapshot, whatever the interval.</summary>
    public void ControlChanged() => _controlChanged = true;

    /// <summary>The snapshot a replica should take, or <c>null</c> when it has nothing newer to take.</summary>
    /// <param name="knownGeneration">The incarnation the replica serves.</param>
    /// <param name="knownVersion">The version the replica serves.</param>
    /// <param name="currentGeneration">The experiment's incarnation now.</param>
    /// <param name="currentVersion">The experiment's version now.</param>
    /// <param name="trainingInterval">How long a published snapshot may lag training.</param>
    /// <param name="build">Builds a snapshot of the current version.</param>
    public ExperimentSnapshot? Next(long knownGeneration, long knownVersion, long currentGeneration, long currentVersion, TimeSpan trainingInterval, Func<ExperimentSnapshot> build)
    {
        if (knownGeneration == currentGeneration && knownVersion == currentVersion)
        {
            return null;
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_published is null || _published.Generation != currentGeneration || _controlChanged || now - _builtAtMs >= (long)trainingInterval.TotalMilliseconds)
        {
            _published = build();
            _builtAtMs = now;
            _controlChanged = false;
        }

        return _published.Generation == knownGeneration && _published.Version == knownVersion ? null : _published;
    }
}
