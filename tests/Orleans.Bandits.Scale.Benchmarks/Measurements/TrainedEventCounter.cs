using System.Diagnostics.Metrics;
using Orleans.Bandits.Grains.Telemetry;

namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>
/// Events the experiments report trained, summed from the platform's own counter (it is added
/// after the batch is persisted), so waiting for training costs no grain calls: polling 100,000
/// experiments would take the CPU that training needs.
/// </summary>
public sealed class TrainedEventCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _events;

    public TrainedEventCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, BanditsMetrics.TrainedEvents))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _events, value));
        _listener.Start();
    }

    public long Events => Interlocked.Read(ref _events);

    public void Dispose() => _listener.Dispose();
}
