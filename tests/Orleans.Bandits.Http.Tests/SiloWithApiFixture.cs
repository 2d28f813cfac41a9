using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Http;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Http.Tests;

/// <summary>A local-mode silo with the API co-hosted, as the silo host builds it, on free loopback ports.</summary>
public class SiloWithApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The silo's client gateway port, for a standalone gateway to connect to.</summary>
    public int GatewayPort { get; } = FreePort.Next();

    /// <summary>Configuration the host starts with (e.g. an admin key).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in Settings)
        {
            builder.Configuration[key] = value;
        }

        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort.Next(), gatewayPort: GatewayPort)
            .AddBanditsInMemoryProviders()
            .AddBandits());
        builder.Services.AddBanditsClient();
        builder.Services.AddBanditsApi();
        _app = builder.Build();
        _app.UseBanditsApi();
        _app.MapBanditsApi();
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
