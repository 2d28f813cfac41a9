using Orleans.Bandits.Testing;
using Orleans.Bandits.Tools;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Redis.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Orleans.Bandits.Scale.Benchmarks.Hosting;

/// <summary>
/// One silo in this process: the platform on Redis grain storage (so a deactivated experiment
/// comes back from a real store over the loopback) and memory streams. Calls go through the
/// silo's own grain factory, the co-hosted app path, so no gateway hop is measured.
/// </summary>
public sealed class ScaleSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ScaleSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        Client = new BanditsClient(Grains);
    }

    public IGrainFactory Grains { get; }

    public IBanditsClient Client { get; }

    public IManagementGrain Management => Grains.GetGrain<IManagementGrain>(0);

    public static async Task<ScaleSilo> StartAsync(string redisConnectionString, TimeSpan collectionAge)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort.Next(), gatewayPort: FreePort.Next())
                .AddBandits()
                .AddBanditsRedisStorage(redisConnectionString)
                .AddBanditsMemoryStreams();
            silo.Configure<GrainCollectionOptions>(options => options.CollectionAge = collectionAge);

            // A key of this run's own: without one the token service makes one up and warns.
            silo.Services.Configure<TokenOptions>(options => options.Keys =
                [new TokenKeyOptions { Id = "scale-1", Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }]);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ScaleSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
