using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Bandits.Redis.Streams;
using Orleans.Bandits.Testing.Silos;
using Orleans.Configuration;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Silos in production mode on the test's redis-server, with fast failure detection and short reclaim timings.</summary>
public class RedisSiloConfigurator : RedisTestSilo
{
    public const int QueueCount = 8;

    protected override void Customize(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ILoggerProvider, LogSink>();
        DetectFailuresFast(silo);
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// The delivery timeout stays well above the time the cluster takes to declare a killed silo dead
    /// (about 3 s here), as it must in production: a delivery to a grain on a silo not yet declared dead
    /// should wait for the grain to come back elsewhere, not fail and burn a delivery attempt.
    /// </summary>
    protected override void ConfigureStreams(RedisStreamOptions options)
    {
        options.QueueCount = QueueCount;
        options.DeliveryTimeout = TimeSpan.FromSeconds(10);
        options.ReclaimIdleTime = TimeSpan.FromSeconds(3);
        options.ReclaimPeriod = TimeSpan.FromSeconds(1);
    }
}
