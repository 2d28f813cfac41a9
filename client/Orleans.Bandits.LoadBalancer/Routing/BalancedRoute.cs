using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>
/// One strategy routing over one tier's servers, backed by one experiment on the platform whose
/// arms are the servers. The route name is the experiment id.
/// </summary>
public sealed class BalancedRoute
{
    private readonly Dictionary<string, RouteServer> _byName;

    /// <param name="clock">Times the route's <see cref="RateLimited"/> masks; the system clock unless a test pins it.</param>
    public BalancedRoute(string name, Strategy strategy, string tier, IReadOnlyList<RouteServer> servers, TimeProvider? clock = null)
    {
        Name = name;
        Strategy = strategy;
        Tier = tier;
        Servers = servers;
        RateLimited = new RecentRateLimits(clock ?? TimeProvider.System);
        Capacities = new LearnedCapacities(clock ?? TimeProvider.System, strategy.RateLimits.LocalRetryAfter, TimeSpan.FromMilliseconds(RateLimitHandling.CapacityMemoryMs), TimeSpan.FromMilliseconds(RateLimitHandling.CapacityMemoryCapMs));
        _byName = servers.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public Strategy Strategy { get; }

    public string Tier { get; }

    public IReadOnlyList<RouteServer> Servers { get; }

    /// <summary>The 429s this load balancer saw on the route, masked here until the platform's mask has arrived.</summary>
    public RecentRateLimits RateLimited { get; }

    /// <summary>Each server's capacity per window as learned from its 429s, and how full its window is now.</summary>
    public LearnedCapacities Capacities { get; }

    public RouteServer Server(string name) => _byName.TryGetValue(name, out var server)
        ? server
        : throw new InvalidOperationException($"The platform chose '{name}', which is not a server of route '{Name}'.");
}
