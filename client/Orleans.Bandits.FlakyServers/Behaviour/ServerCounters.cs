namespace Orleans.Bandits.FlakyServers.Behaviour;

/// <summary>What one server has answered since its last reset.</summary>
public sealed record ServerCounters(long Requests, long Successes, long Failures, long RateLimited);
