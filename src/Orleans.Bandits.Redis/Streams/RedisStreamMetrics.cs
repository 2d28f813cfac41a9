using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Instruments of the Redis stream provider, in the platform's meter. Tagged by provider and queue
/// key (a bounded set: the queues of each service), and for dead letters by reason.
/// </summary>
public static class RedisStreamMetrics
{
    public const string DeadLetteredName = "bandits.streams.dead_lettered";
    public const string DeliveryFailuresName = "bandits.streams.delivery_failures";
    public const string ReclaimedName = "bandits.streams.reclaimed";

    private static readonly Meter Meter = new(BanditsTelemetry.MeterName);

    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(DeadLetteredName, description: "Stream entries moved to the dead-letter stream, by reason.");
    public static readonly Counter<long> DeliveryFailures = Meter.CreateCounter<long>(DeliveryFailuresName, description: "Deliveries the pulling agent gave up on; their entries are retried.");
    public static readonly Counter<long> Reclaimed = Meter.CreateCounter<long>(ReclaimedName, description: "Pending entries taken over from departed or dead consumers.");

    internal static TagList For(string provider, string queue) => new() { { "provider", provider }, { "queue", queue } };

    internal static TagList For(string provider, string queue, string reason) => new() { { "provider", provider }, { "queue", queue }, { "reason", reason } };
}
