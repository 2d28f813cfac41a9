using Orleans.Bandits.Cluster.Benchmarks.Durable;
using Orleans.Bandits.Cluster.Benchmarks.Feedback;

namespace Orleans.Bandits.Cluster.Benchmarks.Decisions;

/// <summary>One scenario on one setup: how fast selects were answered and how fast their decisions became durable.</summary>
/// <param name="SelectSeconds">From the first select to the last answer.</param>
/// <param name="AppendedSeconds">From the first select until every experiment's log counted all its decisions.</param>
/// <param name="StoredBytes">In Redis mode, the bytes the decision streams take in Redis (MEMORY USAGE of each); null in local mode.</param>
public sealed record DecisionAppendResult(FeedbackBackend Backend, FeedbackScenario Scenario, double SelectSeconds, double AppendedSeconds, long? StoredBytes)
{
    public double SelectsPerSecond => Scenario.TotalEvents / SelectSeconds;

    public double DecisionsPerSecond => Scenario.TotalEvents / AppendedSeconds;

    public double? BytesPerDecision => StoredBytes / (double)Scenario.TotalEvents;
}
