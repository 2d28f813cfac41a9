using Microsoft.Extensions.Options;
using Orleans.Bandits.LoadBalancer.Routing;
using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.LoadBalancer.Hosting;

/// <summary>
/// Registers the route behind <c>POST /</c> once the Orleans client is connected. Its experiment is
/// named <c>lb-{strategy}-{tier}</c> and adopted if it exists, so a restart keeps what was learned.
/// </summary>
public sealed partial class DefaultRouteService(RouteTable routes, IOptions<LoadBalancerOptions> options, ILogger<DefaultRouteService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Default;
        if (settings.Strategy is null)
        {
            LogNoDefaultRoute(logger);
            return;
        }

        var strategy = StrategyCatalogue.Find(settings.Strategy)
            ?? throw new InvalidOperationException($"LoadBalancer:Default:Strategy '{settings.Strategy}' is unknown. Known: {string.Join(", ", StrategyCatalogue.All.Select(s => s.Name))}.");
        var tierIndex = settings.Tier.ToUpperInvariant() switch
        {
            "T1" => 0,
            "T2" => 1,
            "T3" => 2,
            _ => throw new InvalidOperationException($"LoadBalancer:Default:Tier '{settings.Tier}' is not T1, T2 or T3."),
        };
        var servers = Enumerable.Range(0, settings.ServersPerTier)
            .Select(i => new RouteServer($"t{tierIndex + 1}-s{i}", new Uri($"http://127.0.0.1:{settings.BasePort + (tierIndex * settings.ServersPerTier) + i}/")))
            .ToList();
        var experiment = $"lb-{strategy.Name.ToLowerInvariant()}-t{tierIndex + 1}";
        await routes.RegisterAsync(experiment, strategy, $"T{tierIndex + 1}", servers, adopt: true, alias: RouteTable.DefaultRouteName);
        LogDefaultRoute(logger, strategy.Name, strategy.Title, $"T{tierIndex + 1}", experiment);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "POST / routes with {Strategy} ({Title}) over tier {Tier}; experiment {Experiment}")]
    private static partial void LogDefaultRoute(ILogger logger, string strategy, string title, string tier, string experiment);

    [LoggerMessage(Level = LogLevel.Information, Message = "No default route (set LoadBalancer:Default:Strategy); serving named routes only")]
    private static partial void LogNoDefaultRoute(ILogger logger);
}
