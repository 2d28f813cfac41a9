using Orleans.Bandits.Client;
using Orleans.Bandits.LoadBalancer.Http;

namespace Orleans.Bandits.LoadBalancer.Hosting;

/// <summary>Builds the load balancer web app: an Orleans client of the platform plus the routing endpoints.</summary>
public static class LoadBalancerApp
{
    /// <param name="args">Command line; <c>--LoadBalancer:GatewayPort</c>, <c>--urls</c> and the short switches of <see cref="Switches"/> apply.</param>
    /// <param name="configure">Extra settings (the harness passes the gateway port and a free url this way).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, Switches);
        if (configure is not null)
        {
            builder.Configuration.AddInMemoryCollection(configure);
        }

        // Per-request logs at hundreds of requests per second would cost more than the routing.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var gatewayPort = builder.Configuration.GetValue($"{LoadBalancerOptions.Section}:{nameof(LoadBalancerOptions.GatewayPort)}", new LoadBalancerOptions().GatewayPort);
        builder.Services.AddBanditsClient(client => client.UseLocalhostClustering(gatewayPort));
        builder.Services.AddFlakyLoadBalancer();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapLoadBalancer();
        return app;
    }

    /// <summary>Short command-line switches for the settings people change most.</summary>
    public static IDictionary<string, string> Switches { get; } = new Dictionary<string, string>
    {
        ["--strategy"] = "LoadBalancer:Default:Strategy",
        ["--tier"] = "LoadBalancer:Default:Tier",
        ["--servers-base-port"] = "LoadBalancer:Default:BasePort",
        ["--gateway-port"] = "LoadBalancer:GatewayPort",
        ["--tenant"] = "LoadBalancer:Tenant",
    };
}
