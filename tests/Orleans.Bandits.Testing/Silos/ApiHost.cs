using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Http;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Testing.Silos;

/// <summary>
/// A local-mode silo with the HTTP API co-hosted, as the silo host builds it, on free loopback ports (the HTTP
/// port chosen by Kestrel unless command-line arguments give <c>--urls</c>).
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, int siloPort, int gatewayPort)
    {
        _app = app;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        BaseAddress = new Uri(app.Urls.Single());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The silo's port, for more hosts to join its cluster.</summary>
    public int SiloPort { get; }

    /// <summary>The silo's client gateway port, for a standalone gateway to connect to.</summary>
    public int GatewayPort { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration the host starts with (e.g. an admin key).</param>
    /// <param name="configureSilo">Adds to the silo (e.g. the Orleans dashboard).</param>
    /// <param name="configureApp">Adds endpoints after the API's.</param>
    /// <param name="args">Command-line arguments (a benchmark host's <c>--urls</c> and settings); without them the host listens on a free loopback port.</param>
    /// <param name="primary">A host whose cluster this one joins; without it the host is a cluster of its own.</param>
    public static async Task<ApiHost> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        Action<ISiloBuilder>? configureSilo = null,
        Action<WebApplication>? configureApp = null,
        string[]? args = null,
        ApiHost? primary = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        if (args is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary is null ? null : new IPEndPoint(IPAddress.Loopback, primary.SiloPort))
                .AddBandits()
                .AddBanditsInMemoryProviders();
            configureSilo?.Invoke(silo);
        });
        builder.Services.AddBanditsClient();
        builder.Services.AddBanditsApi(builder.Configuration);
        var app = builder.Build();
        app.UseBanditsApi();
        app.MapBanditsApi();
        configureApp?.Invoke(app);
        await app.StartAsync();
        return new ApiHost(app, siloPort, gatewayPort);
    }

    /// <summary>Runs until the process is asked to stop (a benchmark host).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
