using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Bandits.Redis.Hosting;
using Orleans.Bandits.Tools;
using Orleans.Configuration;

namespace Orleans.Bandits.Scale.Benchmarks.Hosting;

/// <summary>
/// One silo in this process: the platform on Redis grain storage (so a deactivated experiment
/// comes back from a real store over the loopback) and memory streams. Calls go through the
/// silo's own grain factory, the co-hosted app path, so no gateway hop is measured.
/// </summary>
public sealed class ScaleSilo : IAsyncDisposable
{
    private readonly InProcessSilo _silo;

    private ScaleSilo(InProcessSilo silo)
    {
        _silo = silo;
        Client = new BanditsClient(silo.Grains);
    }

    public IGrainFactory Grains => _silo.Grains;

    public IBanditsClient Client { get; }

    public IManagementGrain Management => Grains.GetGrain<IManagementGrain>(0);

    public static async Task<ScaleSilo> StartAsync(string redisConnectionString, TimeSpan collectionAge)
    {
        // A key of this run's own: without one the token service makes one up and warns.
        var key = new TokenKey("scale-1", RandomNumberGenerator.GetBytes(32));
        var silo = await InProcessSilo.StartAsync(
            FreePort.Next(),
            FreePort.Next(),
            s => s.AddBanditsRedisStorage(redisConnectionString)
                .AddBanditsMemoryStreams()
                .UseBanditsTokenKey(key)
                .Configure<GrainCollectionOptions>(options => options.CollectionAge = collectionAge),
            logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        return new ScaleSilo(silo);
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
