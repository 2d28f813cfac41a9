using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Sums the platform's counters whose names start with a prefix, by instrument, queue and reason, while it is alive.</summary>
public sealed class CounterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Queue, string Reason), long> _counts = new();

    /// <summary>The stream provider's counters.</summary>
    public const string Streams = "bandits.streams.";

    /// <summary>The decision recorders' counters.</summary>
    public const string Decisions = "bandits.decisions.";

    public CounterTotals(string instrumentPrefix)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BanditsTelemetry.MeterName && instrument.Name.StartsWith(instrumentPrefix, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
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

            _counts.AddOrUpdate((instrument.Name, queue ?? string.Empty, reason ?? string.Empty), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public long Count(string instrument, string queue, string reason = "") =>
        _counts.TryGetValue((instrument, queue, reason), out var count) ? count : 0;

    /// <summary>The instrument's total over the queues whose key starts with <paramref name="queuePrefix"/> (a service's queues).</summary>
    public long Total(string instrument, string queuePrefix) =>
        _counts.Where(c => c.Key.Instrument == instrument && c.Key.Queue.StartsWith(queuePrefix, StringComparison.Ordinal)).Sum(c => c.Value);

    public void Dispose() => _listener.Dispose();
}
