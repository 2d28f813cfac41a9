using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.LoadBalancer.Http;

/// <summary>A route as the API shows it; <see cref="Experiment"/> is the platform experiment behind it.</summary>
public sealed record RouteView(string Experiment, string Strategy, string Tier, IReadOnlyList<RouteServer> Servers)
{
    public static RouteView Of(BalancedRoute route) => new(route.Name, route.Strategy.Name, route.Tier, route.Servers);
}
