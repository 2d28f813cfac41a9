namespace Orleans.Bandits.Grains.Decisions;

/// <summary>The decision log on a silo (section <c>Bandits:Decisions</c>).</summary>
public sealed class DecisionLogOptions
{
    public const string Section = "Bandits:Decisions";

    /// <summary>
    /// Record every selection. Off, selections are not logged: stats show no decisions, and a reward wait has no
    /// decision to default (for benchmarks that compare the select path with and without it).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Decisions a silo holds that are not yet appended, over all experiments. Past it, new decisions are not recorded
    /// (counted in <c>bandits.decisions.unrecorded</c>) rather than slowing selection; it is also the most a silo crash loses.
    /// </summary>
    public int MaxWaiting { get; set; } = 100_000;
}
