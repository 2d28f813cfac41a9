using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Client;
using Orleans.Bandits.LoadBalancer.Hosting;

namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>The routes this load balancer serves, each backed by its own experiment.</summary>
public sealed class RouteTable(IBanditsClient bandits, IOptions<LoadBalancerOptions> options)
{
    /// <summary>The route <c>POST /</c> serves.</summary>
    public const string DefaultRouteName = "default";

    private readonly ConcurrentDictionary<string, BalancedRoute> _routes = new(StringComparer.Ordinal);
    private readonly LoadBalancerOptions _options = options.Value;

    public BalancedRoute? Find(string name) => _routes.GetValueOrDefault(name);

    public IReadOnlyList<BalancedRoute> All => [.. _routes.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Creates the route's experiment (arms = server names, the strategy's policy) and serves the route.
    /// With <paramref name="adopt"/> an existing experiment of that name is reused, so a restarted load
    /// balancer keeps what was learned; otherwise an existing one is a conflict, so a study never
    /// starts from someone else's state.
    /// </summary>
    /// <param name="experiment">The experiment id; also the route name unless <paramref name="alias"/> is given.</param>
    public async Task<BalancedRoute> RegisterAsync(string experiment, Strategies.Strategy strategy, string tier, IReadOnlyList<RouteServer> servers, bool adopt = false, string? alias = null)
    {
        var definition = new ExperimentDefinition([.. servers.Select(s => s.Name)], strategy.Policy, FeedbackWindowSeconds: _options.FeedbackWindowSeconds);
        try
        {
            await bandits.CreateExperimentAsync(_options.Tenant, experiment, definition);
        }
        catch (BanditsException e) when (adopt && e.Kind == BanditsErrorKind.Conflict)
        {
            var existing = await bandits.GetExperimentAsync(_options.Tenant, experiment);
            if (!existing.Arms.Select(a => a.Id).SequenceEqual(definition.Arms) || existing.Policy.Name != strategy.Policy.Name)
            {
                throw new BanditsException(BanditsErrorKind.Conflict, $"Experiment '{experiment}' exists with other servers or another policy; delete it or choose another strategy.");
            }
        }

        var route = new BalancedRoute(experiment, strategy, tier, servers);
        _routes[alias ?? experiment] = route;
        return route;
    }

    /// <summary>Stops serving the route and deletes its experiment.</summary>
    public async Task<bool> RemoveAsync(string name)
    {
        if (!_routes.TryRemove(name, out var route))
        {
            return false;
        }

        await bandits.DeleteExperimentAsync(_options.Tenant, route.Name);
        return true;
    }
}
