using Orleans.Bandits.Scale.Benchmarks.Measurements;

namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>The phases that need a replica for every experiment: they run only when the replica pass finished.</summary>
/// <param name="Selections">Selections served in the select throughput phase.</param>
/// <param name="SelectSeconds">Its duration.</param>
/// <param name="FirstFeedback">The first feedback round, which also opens every experiment's stream.</param>
/// <param name="SteadyFeedback">The second round, on open streams.</param>
/// <param name="AfterFeedback">Memory with everything active, after both rounds.</param>
/// <param name="Active">Activations by grain class after both rounds.</param>
/// <param name="ColdSelect">The first select per experiment after deactivating everything (replica and experiment both activate).</param>
public sealed record ServingFigures(
    long Selections,
    double SelectSeconds,
    FeedbackFigures FirstFeedback,
    FeedbackFigures SteadyFeedback,
    MemorySample AfterFeedback,
    ActivationCensus Active,
    LatencySummary ColdSelect)
{
    public double SelectionsPerSecond => Selections / SelectSeconds;
}
