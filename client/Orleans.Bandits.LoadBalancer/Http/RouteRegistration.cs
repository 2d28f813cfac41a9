using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.LoadBalancer.Http;

/// <summary>Body of <c>PUT /routes/{route}</c>: which strategy routes over which servers.</summary>
public sealed record RouteRegistration(string? Strategy, string? Tier, IReadOnlyList<RouteServer>? Servers);
