using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>
/// Messages the silo sent to itself, from Orleans' own <c>orleans-messaging-sent-local</c>
/// counter: every grain call in a one-silo cluster is a request and a response through it, so
/// the count tells how many calls ran without a filter or any code in the call path.
/// </summary>
public sealed class LocalMessageCounter : IDisposable
{
    private const string InstrumentName = "orleans-messaging-sent-local";

    private readonly MeterListener _listener = new();

    // Per instrument: a silo stopped earlier in this process may still have its own counter.
    private readonly ConcurrentDictionary<Instrument, long> _totals = new();

    public LocalMessageCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, total, _, _) => _totals[instrument] = total);
        _listener.Start();
    }

    /// <summary>The messages sent so far (the counter is cumulative).</summary>
    public long Read()
    {
        _listener.RecordObservableInstruments();
        return _totals.Values.Sum();
    }

    public void Dispose() => _listener.Dispose();
}
