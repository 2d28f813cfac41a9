using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Scale.Benchmarks.Phases;

namespace Orleans.Bandits.Scale.Benchmarks;

/// <summary>Everything one scale measured, in the order the run took it.</summary>
/// <param name="Experiments">Experiments created.</param>
/// <param name="Tenants">Tenants they were spread over.</param>
/// <param name="CreateSeconds">Creating every experiment.</param>
/// <param name="Baseline">The started silo, nothing created.</param>
/// <param name="WithExperiments">Every experiment grain active (and the tenants).</param>
/// <param name="Replicas">Experiments that got a replica (one select each) before the replica pass's time limit.</param>
/// <param name="ReplicaSeconds">How long the replica pass ran.</param>
/// <param name="WithReplicas">Memory after the replica pass.</param>
/// <param name="IdleReplicas">The silo after the replica pass with no requests: the replicas' refresh timers at work.</param>
/// <param name="Serving">Select and feedback throughput and the first select from Redis, when every experiment got its replica.</param>
/// <param name="DeactivationSeconds">Deactivating every experiment and replica.</param>
/// <param name="AfterDeactivation">Memory with everything deactivated (state only in Redis).</param>
/// <param name="ColdGet">The first get per experiment after deactivating everything (the experiment alone activates).</param>
/// <param name="IdleExperiments">The silo after the cold gets, every experiment active and no replica, no requests.</param>
/// <param name="RedisUsedMemory">Redis <c>used_memory</c> at the end.</param>
/// <param name="RedisKeys">Keys in Redis at the end.</param>
public sealed record ScaleResult(
    int Experiments,
    int Tenants,
    double CreateSeconds,
    MemorySample Baseline,
    MemorySample WithExperiments,
    int Replicas,
    double ReplicaSeconds,
    MemorySample WithReplicas,
    IdleSample IdleReplicas,
    ServingFigures? Serving,
    double DeactivationSeconds,
    MemorySample AfterDeactivation,
    LatencySummary ColdGet,
    IdleSample IdleExperiments,
    long RedisUsedMemory,
    long RedisKeys)
{
    public bool AllReplicas => Replicas == Experiments;

    public MemorySample PerExperimentGrain => WithExperiments.PerItemSince(Baseline, Experiments);

    public MemorySample PerReplica => WithReplicas.PerItemSince(WithExperiments, Math.Max(1, Replicas));

    public MemorySample? PerStreamState => Serving?.AfterFeedback.PerItemSince(WithReplicas, Experiments);

    public MemorySample? PerExperimentAllActive => Serving?.AfterFeedback.PerItemSince(Baseline, Experiments);

    /// <summary>
    /// Replica refreshes per second with no requests: the grain calls (two local messages each)
    /// the replicas add over the experiments-only idle silo. Below <c>replicas ÷ TTL</c> when the
    /// timers fall behind.
    /// </summary>
    public double RefreshesPerSecond => (IdleReplicas.LocalMessagesPerSecond - IdleExperiments.LocalMessagesPerSecond) / 2;

    /// <summary>CPU time per replica refresh, in microseconds: the idle CPU the replicas add, over the refreshes they made.</summary>
    public double RefreshCpuMicroseconds =>
        (IdleReplicas.CpuPercent - IdleExperiments.CpuPercent) / 100 * Environment.ProcessorCount / RefreshesPerSecond * 1e6;
}
