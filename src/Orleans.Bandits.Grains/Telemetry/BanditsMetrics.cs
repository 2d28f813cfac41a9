using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Bandits.Grains.Telemetry;

/// <summary>
/// The platform's instruments (meter <see cref="BanditsTelemetry.MeterName"/>), exported by the hosts through
/// OpenTelemetry. Per-experiment tags are kept for the first <see cref="MaxTaggedExperiments"/>
/// experiments a process sees; later ones are tagged <c>other</c>, so cardinality stays bounded. Hosts drop the
/// tag from what they export unless the operator enables experiment labels: it names tenants' experiments.
/// </summary>
public static class BanditsMetrics
{
    public const int MaxTaggedExperiments = 100;

    private static readonly Meter Meter = new(BanditsTelemetry.MeterName);
    private static readonly ConcurrentDictionary<string, string> Tags = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<object, Func<long>> WaitingDecisionSources = new();

    public static readonly Counter<long> Selections = Meter.CreateCounter<long>("bandits.selections", description: "Arms selected.");
    public static readonly Counter<long> FeedbackAccepted = Meter.CreateCounter<long>("bandits.feedback.accepted", description: "Feedback events durably accepted.");
    public static readonly Counter<long> FeedbackRejected = Meter.CreateCounter<long>("bandits.feedback.rejected", description: "Feedback refused, by reason.");
    public static readonly Counter<long> DuplicatesDropped = Meter.CreateCounter<long>("bandits.feedback.duplicates", description: "Redelivered or resent events dropped by deduplication.");
    public static readonly Counter<long> TrainingBatches = Meter.CreateCounter<long>("bandits.training.batches", description: "Training batches applied and persisted.");
    public static readonly Counter<long> TrainedEvents = Meter.CreateCounter<long>("bandits.training.events", description: "Events learned.");
    public static readonly Counter<long> DecisionsRecorded = Meter.CreateCounter<long>("bandits.decisions.recorded", description: "Selections appended to their experiment's decision log.");
    public static readonly Counter<long> DecisionsUnrecorded = Meter.CreateCounter<long>("bandits.decisions.unrecorded", description: "Selections served but not logged (the silo's recorder was full, or an append failed); their tokens still train.");
    public static readonly Counter<long> DecisionsUndecidable = Meter.CreateCounter<long>("bandits.decisions.undecidable", description: "Decisions the reward-wait sweep reached too long after their token expired to default them safely.");
    public static readonly ObservableUpDownCounter<long> DecisionsWaiting = Meter.CreateObservableUpDownCounter(
        "bandits.decisions.waiting",
        () => WaitingDecisionSources.Values.Sum(waiting => waiting()),
        description: "Selections handed to the silo's decision recorder and not yet appended: what a crash of the silo now would leave unrecorded.");

    public static readonly Histogram<double> ReplicaStaleness = Meter.CreateHistogram<double>("bandits.replica.staleness", unit: "ms", description: "Age of the replica a selection was served from.");

    /// <summary>
    /// Reports <paramref name="waiting"/> in <see cref="DecisionsWaiting"/> until <see cref="ForgetWaitingDecisions"/>. Read when
    /// the gauge is collected, so the select path pays nothing for it. Keyed by owner: a test process hosts several silos.
    /// </summary>
    public static void ObserveWaitingDecisions(object owner, Func<long> waiting) => WaitingDecisionSources[owner] = waiting;

    public static void ForgetWaitingDecisions(object owner) => WaitingDecisionSources.TryRemove(owner, out _);

    public static TagList For(string experimentKey) => new() { { BanditsTelemetry.ExperimentTag, Tag(experimentKey) } };

    public static TagList Reason(string reason) => new() { { "reason", reason } };

    private static string Tag(string experimentKey) =>
        Tags.TryGetValue(experimentKey, out var tag) ? tag
        : Tags.Count < MaxTaggedExperiments ? Tags.GetOrAdd(experimentKey, experimentKey)
        : "other";
}
