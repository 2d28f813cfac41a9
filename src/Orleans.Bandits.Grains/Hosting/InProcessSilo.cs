using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orleans.Bandits.Grains.Hosting;

/// <summary>
/// A silo started in this process on loopback ports: the platform (<see cref="BanditsSiloBuilderExtensions.AddBandits"/>)
/// plus whatever the caller adds (providers, a token key, options). Tools that drive the platform from inside
/// (the study, the harness, the scale benchmark) call it through <see cref="Grains"/>, the co-hosted path.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public int SiloPort { get; }

    /// <summary>Where an Orleans client connects.</summary>
    public int GatewayPort { get; }

    /// <summary>The silo's own grain factory.</summary>
    public IGrainFactory Grains { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="siloPort">The silo-to-silo port on 127.0.0.1.</param>
    /// <param name="gatewayPort">The client gateway port on 127.0.0.1.</param>
    /// <param name="configure">Adds the providers and anything else the silo needs beyond the platform itself.</param>
    /// <param name="logging">Configures logging; by default warnings and above go to the console.</param>
    /// <param name="cancellationToken">Abandons the start.</param>
    public static async Task<InProcessSilo> StartAsync(int siloPort, int gatewayPort, Action<ISiloBuilder> configure, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (logging is null)
        {
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddBandits();
            configure(silo);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new InProcessSilo(host, siloPort, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
