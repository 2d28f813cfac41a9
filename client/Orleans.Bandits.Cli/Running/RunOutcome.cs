namespace Orleans.Bandits.Cli.Running;

/// <summary>One configuration (batch, delay) played over every seed.</summary>
/// <param name="BatchSize">B: rounds between training steps.</param>
/// <param name="Delay">D: rounds before feedback arrives.</param>
/// <param name="Seeds">Per-seed results, seed 1 first.</param>
/// <param name="PseudoRegret">Final pseudo-regret over seeds.</param>
/// <param name="FixedArmRegret">Final regret against the best fixed arm in hindsight over seeds.</param>
/// <param name="MaxGap">Δmax: the largest gap between best and worst expected reward seen in any round.</param>
public sealed record RunOutcome(
    int BatchSize,
    int Delay,
    IReadOnlyList<SimulationResult> Seeds,
    SeedSummary PseudoRegret,
    SeedSummary FixedArmRegret,
    double MaxGap)
{
    public bool IsInstant => BatchSize == 1 && Delay == 0;

    /// <summary>How the run is named in the CSV: <c>instant</c> or <c>b500-d3000</c>.</summary>
    public string Label => IsInstant ? "instant" : $"b{BatchSize}-d{Delay}";

    /// <summary>Mean resources consumed per seed, one per resource (knapsack worlds), else empty.</summary>
    public IReadOnlyList<double> MeanSpent =>
        Enumerable.Range(0, Seeds[0].Spent.Length).Select(r => Seeds.Average(s => s.Spent[r])).ToArray();
}
