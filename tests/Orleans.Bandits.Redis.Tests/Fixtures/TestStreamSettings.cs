using Orleans.Bandits.Redis.Streams;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Stream timings scaled down so retries, reclaims and dead-lettering happen within seconds.</summary>
public static class TestStreamSettings
{
    public const int QueueCount = 8;
    public const int MaxDeliveryAttempts = 3;

    public static void Apply(RedisStreamOptions options)
    {
        options.QueueCount = QueueCount;
        options.MaxDeliveryAttempts = MaxDeliveryAttempts;
        options.DeliveryTimeout = TimeSpan.FromSeconds(2);
        options.ReclaimIdleTime = TimeSpan.FromSeconds(3);
        options.ReclaimPeriod = TimeSpan.FromSeconds(1);
    }
}
