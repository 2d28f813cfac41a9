using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Cli.Study;

/// <summary>
/// The platform the study drives: a silo started in this process (local mode: in-memory storage
/// and memory streams) or a running cluster reached through an Orleans client.
/// </summary>
public sealed class StudyCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private StudyCluster(IHost host, string description)
    {
        _host = host;
        Description = description;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        Client = new BanditsClient(Grains);
    }

    /// <summary>What was started or reached, for the report.</summary>
    public string Description { get; }

    public IGrainFactory Grains { get; }

    public IBanditsClient Client { get; }

    /// <summary>
    /// One silo in this process, built as the local mode builds it, on free loopback ports. The
    /// study calls through the silo's own grain factory, the co-hosted path: selects run on the
    /// local replica and feedback goes through the feedback grain and the memory stream.
    /// </summary>
    public static async Task<StudyCluster> StartInProcessAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Quiet(builder.Logging);
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddBandits();
            silo.AddBanditsInMemoryProviders();

            // A key for this process only: the tokens never leave it.
            silo.Services.Configure<TokenOptions>(options => options.Keys = [new TokenKeyOptions { Id = "study", Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }]);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new StudyCluster(host, $"in-process silo (local mode: in-memory storage, memory streams), 127.0.0.1:{siloPort}");
    }

    /// <summary>A running local-mode cluster through its gateway on 127.0.0.1.</summary>
    public static async Task<StudyCluster> ConnectAsync(int gatewayPort, string clusterId, string serviceId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Quiet(builder.Logging);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId, clusterId));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new StudyCluster(host, $"running cluster '{clusterId}' through the gateway at 127.0.0.1:{gatewayPort}");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Errors only, on standard error: the report goes to standard output.</summary>
    private static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Error);
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
