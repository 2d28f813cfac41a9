namespace Orleans.Bandits.LoadBalancer.Downstream;

/// <summary>One attempt's answer: the outcome, the HTTP status (0 when there was none) and how long it took.</summary>
public sealed record DownstreamResponse(DownstreamOutcome Outcome, int Status, TimeSpan Latency);
