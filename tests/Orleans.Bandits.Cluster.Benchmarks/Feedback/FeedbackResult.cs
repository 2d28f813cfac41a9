using Orleans.Bandits.Cluster.Benchmarks.Measurement;

namespace Orleans.Bandits.Cluster.Benchmarks.Feedback;

/// <summary>What one feedback run measured. Times are wall-clock seconds.</summary>
/// <param name="Scenario">The run.</param>
/// <param name="SelectSeconds">Getting the tokens (one select per event; not part of the feedback figures).</param>
/// <param name="PublishSeconds">From the first feedback call until the last one was accepted (durably on the stream).</param>
/// <param name="TrainedSeconds">From the first feedback call until every experiment showed all its events trained.</param>
/// <param name="StatsSeconds">The GetStats calls (one per experiment) that confirmed it afterwards.</param>
/// <param name="TrainedEvents">Events the experiments report trained, summed.</param>
/// <param name="Duplicates">Events the experiments dropped as duplicates, summed.</param>
/// <param name="TrainingBatches">Training batches (one state write each), summed.</param>
/// <param name="Retries">Feedback calls refused as unavailable (stream queue full) and retried.</param>
/// <param name="Resources">What publishing and training cost the machine (first feedback call to every event trained).</param>
public sealed record FeedbackResult(
    FeedbackScenario Scenario,
    double SelectSeconds,
    double PublishSeconds,
    double TrainedSeconds,
    double StatsSeconds,
    long TrainedEvents,
    long Duplicates,
    long TrainingBatches,
    long Retries,
    ResourceUse Resources)
{
    /// <summary>Feedback calls accepted per second.</summary>
    public double AcceptedPerSecond => Scenario.TotalEvents / PublishSeconds;

    /// <summary>Events trained per second, end to end (publish start to last event trained).</summary>
    public double TrainedPerSecond => Scenario.TotalEvents / TrainedSeconds;

    /// <summary>How many events one training step (and one state write) learned on average.</summary>
    public double EventsPerBatch => TrainingBatches == 0 ? 0 : (double)TrainedEvents / TrainingBatches;

    /// <summary>CPU (this process and Redis, if any) per event, in microseconds: the cost that stays when the machine is shared.</summary>
    public double CpuMicrosecondsPerEvent => Resources.CpuSeconds * 1e6 / Scenario.TotalEvents;

    /// <summary>How long training trailed the last accepted call.</summary>
    public double DrainSeconds => TrainedSeconds - PublishSeconds;
}
