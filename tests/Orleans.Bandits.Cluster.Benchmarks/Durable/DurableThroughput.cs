using Orleans.Bandits.Cluster.Benchmarks.Feedback;

namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>One throughput run of one setup.</summary>
/// <param name="Backend">The setup.</param>
/// <param name="Feedback">The figures, publish start to every event trained, and what that cost.</param>
/// <param name="PersistedEvents">Events a restarted cluster read back from Redis (null for memory, which keeps nothing).</param>
public sealed record DurableThroughput(FeedbackBackend Backend, FeedbackResult Feedback, long? PersistedEvents);
