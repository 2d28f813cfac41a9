using Orleans.Bandits.FlakyServers.Behaviour;

namespace Orleans.Bandits.FlakyServers.Hosting;

/// <summary>A running fleet inside this process (the harness and the tests start them this way).</summary>
public sealed class FleetHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FleetHost(WebApplication app, FlakyFleet fleet)
    {
        _app = app;
        Fleet = fleet;
    }

    public FlakyFleet Fleet { get; }

    public Uri ControlUrl => new($"http://127.0.0.1:{Fleet.Layout.ControlPort}/");

    public static async Task<FleetHost> StartAsync(FlakyFleet fleet)
    {
        var app = FleetApp.Build(fleet);
        await app.StartAsync();
        return new FleetHost(app, fleet);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
