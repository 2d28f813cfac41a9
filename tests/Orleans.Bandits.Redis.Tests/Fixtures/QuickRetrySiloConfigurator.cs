using Orleans.Bandits.Redis.Streams;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Silos that give up on a delivery after a second and dead-letter after three: for tests of failing consumers, where no silo dies.</summary>
public class QuickRetrySiloConfigurator : RedisSiloConfigurator
{
    public const int MaxDeliveryAttempts = 3;

    protected override void ConfigureStreams(RedisStreamOptions options)
    {
        base.ConfigureStreams(options);
        options.DeliveryTimeout = TimeSpan.FromSeconds(1);
        options.MaxDeliveryAttempts = MaxDeliveryAttempts;
    }
}
