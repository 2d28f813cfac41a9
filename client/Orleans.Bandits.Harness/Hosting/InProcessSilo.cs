using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Harness.Hosting;

/// <summary>A local-mode silo (in-memory storage and streams) on free loopback ports, as the silo host builds it.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host, int gatewayPort)
    {
        _host = host;
        GatewayPort = gatewayPort;
    }

    /// <summary>Where an Orleans client (the load balancer) connects.</summary>
    public int GatewayPort { get; }

    public static async Task<InProcessSilo> StartAsync()
    {
        var gatewayPort = FreePort.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Every run deletes its experiment at the end, so each replica's next refresh finds it gone, and
        // the last feedback still in the stream is dropped; both warn, both are expected here, and
        // hundreds of such warnings would bury the study's output.
        builder.Logging.AddFilter("Orleans.Bandits.Grains.Selection", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Bandits.Grains.Experiments", LogLevel.Error);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort.Next(), gatewayPort: gatewayPort)
            .AddBanditsInMemoryProviders()
            .AddBandits());
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
