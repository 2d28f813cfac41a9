using Orleans.Bandits.LoadBalancer.Downstream;

namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>One attempt of a routed request.</summary>
/// <param name="Attempt">1-based attempt number.</param>
/// <param name="Server">The server tried.</param>
/// <param name="Status">Its HTTP status, 0 when it did not answer.</param>
/// <param name="Outcome">Success, failure or rate limited.</param>
/// <param name="LatencyMs">The downstream call's duration.</param>
/// <param name="Exploration">The exploration scale the platform was asked for.</param>
/// <param name="Fallback">The platform had no server to offer (every candidate masked or excluded), so the load balancer chose the candidate unmasked soonest; nothing is learned from such an attempt.</param>
public sealed record AttemptRecord(int Attempt, string Server, int Status, DownstreamOutcome Outcome, double LatencyMs, double Exploration, bool Fallback);
