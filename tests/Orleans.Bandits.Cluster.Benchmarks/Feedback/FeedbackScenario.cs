namespace Orleans.Bandits.Cluster.Benchmarks.Feedback;

/// <summary>How many experiments receive feedback at once, and how many events each gets.</summary>
public sealed record FeedbackScenario(int Experiments, int EventsPerExperiment)
{
    public int TotalEvents => Experiments * EventsPerExperiment;

    public override string ToString() => $"{Experiments:N0} experiment(s) x {EventsPerExperiment:N0} events";
}
