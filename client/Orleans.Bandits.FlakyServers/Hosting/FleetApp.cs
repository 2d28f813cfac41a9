using System.Net;
using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.FlakyServers.Hosting;

/// <summary>Builds the one web application that serves every server port and the control port, on 127.0.0.1 only.</summary>
public static class FleetApp
{
    public static WebApplication Build(FlakyFleet fleet, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);

        // Per-request and per-port logs (31 listeners) would drown everything else; Program prints the fleet itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(options => FleetJson.Configure(options.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, fleet.Layout.ControlPort);
            foreach (var port in fleet.Layout.ServerPorts)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });

        var app = builder.Build();
        app.MapServerEndpoints(fleet);
        app.MapControlEndpoints(fleet);
        return app;
    }

    /// <summary>A fleet drawn from <paramref name="options"/>, started; dispose the handle to stop it.</summary>
    public static Task<FleetHost> StartAsync(FleetOptions options, TimeProvider? clock = null)
    {
        options.Validate();
        var layout = FleetLayout.From(options);
        return FleetHost.StartAsync(new FlakyFleet(options, layout, clock ?? TimeProvider.System));
    }
}
