namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>A downstream server of a route: its name (the arm id on the platform) and where it answers.</summary>
public sealed record RouteServer(string Name, Uri Url);
