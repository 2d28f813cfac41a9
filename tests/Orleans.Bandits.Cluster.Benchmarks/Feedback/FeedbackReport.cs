using System.Globalization;

namespace Orleans.Bandits.Cluster.Benchmarks.Feedback;

/// <summary>Prints the feedback figures as a markdown table, ready to paste into RESULTS.md.</summary>
public static class FeedbackReport
{
    public static void Write(TextWriter output, IReadOnlyList<FeedbackResult> results)
    {
        output.WriteLine();
        output.WriteLine($"Feedback throughput ({FeedbackThroughput.InFlight} calls in flight, {FeedbackThroughput.Arms} arms, Thompson-Beta):");
        output.WriteLine();
        output.WriteLine("| experiments | events | accepted in | accepted/s | all trained in | trained/s | drain after last accept | retries (queue full) | duplicates | events per training batch | tokens selected/s | confirming GetStats | CPU µs/event |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Scenario.Experiments:N0} | {r.Scenario.TotalEvents:N0} | {r.PublishSeconds:F2} s | {r.AcceptedPerSecond:N0} | {r.TrainedSeconds:F2} s | {r.TrainedPerSecond:N0} | {r.DrainSeconds:F2} s | {r.Retries:N0} | {r.Duplicates:N0} | {r.EventsPerBatch:F1} | {r.Scenario.TotalEvents / r.SelectSeconds:N0} | {r.StatsSeconds:F2} s | {r.CpuMicrosecondsPerEvent:F0} |"));
        }
    }
}
