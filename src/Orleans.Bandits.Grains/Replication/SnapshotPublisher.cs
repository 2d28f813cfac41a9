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

    /// <summary>The snapshot a replica at <paramref name="knownVersion"/> should take, or <c>null</c> when it has nothing newer to take.</summary>
    /// <param name="knownVersion">The version the replica serves.</param>
    /// <param name="currentVersion">The experiment's version now.</param>
    /// <param name="trainingInterval">How long a published snapshot may lag training.</param>
    /// <param name="build">Builds a snapshot of the current version.</param>
    public ExperimentSnapshot? Next(long knownVersion, long currentVersion, TimeSpan trainingInterval, Func<ExperimentSnapshot> build)
    {
        if (knownVersion == currentVersion)
        {
            return null;
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_published is null || _controlChanged || now - _builtAtMs >= (long)trainingInterval.TotalMilliseconds)
        {
            _published = build();
            _builtAtMs = now;
            _controlChanged = false;
        }

        return _published.Version == knownVersion ? null : _published;
    }
}
