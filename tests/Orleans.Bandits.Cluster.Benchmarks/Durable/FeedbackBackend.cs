namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>The two setups measured side by side.</summary>
public enum FeedbackBackend
{
    /// <summary>Local mode: memory streams, in-memory grain storage.</summary>
    Memory,

    /// <summary>Production mode: our Redis stream provider, Redis grain storage and clustering, AOF everysec.</summary>
    Redis,
}
