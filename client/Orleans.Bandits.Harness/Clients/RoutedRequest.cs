using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.Harness.Clients;

/// <summary>The load balancer's answer for one id and how long the whole request took, as the caller saw it.</summary>
public sealed record RoutedRequest(RoutingResult Result, double LatencyMs);
