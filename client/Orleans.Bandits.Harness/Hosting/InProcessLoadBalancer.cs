using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Orleans.Bandits.LoadBalancer.Hosting;

namespace Orleans.Bandits.Harness.Hosting;

/// <summary>The load balancer web app in this process: an Orleans client of the silo at <c>gatewayPort</c>, on a free 127.0.0.1 port.</summary>
public sealed class InProcessLoadBalancer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessLoadBalancer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<InProcessLoadBalancer> StartAsync(int gatewayPort)
    {
        var app = LoadBalancerApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["LoadBalancer:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        return new InProcessLoadBalancer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
