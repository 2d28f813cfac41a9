namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>What the load balancer did for one request id.</summary>
public sealed record RoutingResult(string Id, string Route, bool Succeeded, IReadOnlyList<AttemptRecord> Attempts);
