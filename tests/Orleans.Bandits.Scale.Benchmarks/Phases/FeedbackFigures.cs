namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>What the feedback phase measured; times are wall-clock seconds from the first feedback call.</summary>
/// <param name="Events">Feedback events sent (and trained: every experiment was checked).</param>
/// <param name="AcceptedSeconds">Until the last call was accepted by the stream.</param>
/// <param name="TrainedSeconds">Until the last event was trained and persisted.</param>
/// <param name="Retries">Calls refused as unavailable (stream queue full) and sent again.</param>
/// <param name="Rejections">Calls the Orleans runtime rejected before they ran, and sent again.</param>
public sealed record FeedbackFigures(long Events, double AcceptedSeconds, double TrainedSeconds, long Retries, long Rejections)
{
    public double AcceptedPerSecond => Events / AcceptedSeconds;

    public double TrainedPerSecond => Events / TrainedSeconds;
}
