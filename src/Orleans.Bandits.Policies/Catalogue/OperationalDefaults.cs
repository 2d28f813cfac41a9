namespace Orleans.Bandits.Policies.Catalogue;

/// <summary>
/// How stale a policy may be served. Thompson sampling tolerates stale, batched parameters;
/// deterministic index policies (UCB) and adversarial ones (EXP3) pay more per stale decision,
/// so they get shorter replica lifetimes and training intervals.
/// </summary>
/// <param name="ReplicaTtl">How long a selector replica is served before it revalidates.</param>
/// <param name="TrainingInterval">How long feedback is batched before a new snapshot version is published.</param>
public sealed record OperationalDefaults(TimeSpan ReplicaTtl, TimeSpan TrainingInterval)
{
    public static OperationalDefaults Stochastic { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));

    public static OperationalDefaults Deterministic { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));

    public static OperationalDefaults Adversarial { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));

    /// <summary>The longest a change takes to reach every replica.</summary>
    public TimeSpan RefreshInterval => ReplicaTtl + TrainingInterval;
}
