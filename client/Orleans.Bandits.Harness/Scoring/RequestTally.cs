namespace Orleans.Bandits.Harness.Scoring;

/// <summary>What scoring needs of one request: how many attempts it took, whether one succeeded, and its latency.</summary>
public sealed record RequestTally(int Attempts, bool Succeeded, double LatencyMs);
