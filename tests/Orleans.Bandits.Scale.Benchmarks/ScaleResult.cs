using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Scale.Benchmarks.Phases;

namespace Orleans.Bandits.Scale.Benchmarks;

/// <summary>Everything one scale measured, in the order the run took it.</summary>
/// <param name="Experiments">Experiments active.</param>
/// <param name="Tenants">Tenants they were spread over.</param>
/// <param name="CreateSeconds">Creating every experiment.</param>
/// <param name="Baseline">The started silo, nothing created.</param>
/// <param name="WithExperiments">Every experiment grain active (and the tenants).</param>
/// <param name="WithReplicas">Plus one selector replica per experiment (one select each).</param>
/// <param name="AfterFeedback">Plus the feedback stream's per-experiment state, after both feedback rounds.</param>
/// <param name="AfterDeactivation">Everything deactivated (state only in Redis).</param>
/// <param name="Active">Activations by grain class after the feedback phase.</param>
/// <param name="IdleCpuExperiments">Process CPU with only the experiment grains active (after the cold gets) and no requests.</param>
/// <param name="IdleCpuReplicas">Process CPU with the replicas active too and no requests (their refresh timers).</param>
/// <param name="Selections">Selections served in the select throughput phase.</param>
/// <param name="SelectSeconds">Its duration.</param>
/// <param name="FirstFeedback">The first feedback round, which also opens every experiment's stream.</param>
/// <param name="SteadyFeedback">The second round, on open streams.</param>
/// <param name="DeactivationSeconds">Deactivating every experiment and replica.</param>
/// <param name="ColdSelect">The first select per experiment after deactivation (replica and experiment both activate).</param>
/// <param name="ColdGet">The first get per experiment after a second deactivation (the experiment alone activates).</param>
/// <param name="RedisUsedMemory">Redis <c>used_memory</c> at the end.</param>
/// <param name="RedisKeys">Keys in Redis at the end.</param>
public sealed record ScaleResult(
    int Experiments,
    int Tenants,
    double CreateSeconds,
    MemorySample Baseline,
    MemorySample WithExperiments,
    MemorySample WithReplicas,
    MemorySample AfterFeedback,
    MemorySample AfterDeactivation,
    ActivationCensus Active,
    double IdleCpuExperiments,
    double IdleCpuReplicas,
    long Selections,
    double SelectSeconds,
    FeedbackFigures FirstFeedback,
    FeedbackFigures SteadyFeedback,
    double DeactivationSeconds,
    LatencySummary ColdSelect,
    LatencySummary ColdGet,
    long RedisUsedMemory,
    long RedisKeys)
{
    public MemorySample PerExperimentGrain => WithExperiments.PerItemSince(Baseline, Experiments);

    public MemorySample PerReplica => WithReplicas.PerItemSince(WithExperiments, Experiments);

    public MemorySample PerStreamState => AfterFeedback.PerItemSince(WithReplicas, Experiments);

    public MemorySample PerExperimentAllActive => AfterFeedback.PerItemSince(Baseline, Experiments);

    public double SelectionsPerSecond => Selections / SelectSeconds;
}
