using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Bandits.Contracts;
using Orleans.Bandits.Redis.Streams;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Sums the dead-letter counter by (queue, reason) while it is alive.</summary>
public sealed class DeadLetterMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Queue, string Reason), long> _counts = new();

    public DeadLetterMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BanditsTelemetry.MeterName && instrument.Name == RedisStreamMetrics.DeadLetteredName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? queue = null, reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "queue")
                {
                    queue = tag.Value as string;
                }
                else if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            _counts.AddOrUpdate((queue ?? string.Empty, reason ?? string.Empty), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public long Count(string queue, string reason) => _counts.TryGetValue((queue, reason), out var count) ? count : 0;

    public void Dispose() => _listener.Dispose();
}
