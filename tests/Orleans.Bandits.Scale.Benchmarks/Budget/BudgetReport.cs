using System.Globalization;
using System.Text;
using Orleans.Bandits.Grains.Experiments;
using Orleans.Bandits.Scale.Benchmarks.Measurements;

namespace Orleans.Bandits.Scale.Benchmarks.Budget;

/// <summary>The footprints as a markdown table for RESULTS.md, each against the state budget.</summary>
public sealed class BudgetReport(int perPolicy, IReadOnlyList<PolicyFootprint> footprints)
{
    private const double Mb = 1_000_000;

    private static readonly long BudgetBytes = ExperimentDefinitionValidator.MaxStateDoubles * sizeof(double);

    /// <summary>
    /// The per-experiment bound the README states for a local-mode silo: three copies of the learned values (the
    /// state and the replica at 8 bytes a value, the in-memory store's serialized copy at 9: 3.125 × the budget)
    /// with room for the arrays a write or a refresh has in flight, so 4 × the budget.
    /// </summary>
    private static readonly long StatedBoundBytes = 4 * BudgetBytes;

    /// <summary>Whether every policy's trained experiment stayed within <see cref="StatedBoundBytes"/>; the command fails otherwise.</summary>
    public bool WithinStatedBound => footprints.All(f => f.Trained.WorkingSetBytes <= StatedBoundBytes);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"The largest create per policy, {perPolicy} each; MB = 10^6 bytes; budget = {ExperimentDefinitionValidator.MaxStateDoubles:N0} learned values = {BudgetBytes / Mb:N0} MB.");
        text.AppendLine();
        text.AppendLine("| policy | arms | d | learned values | state | created: heap / working set per experiment | after a select and a stats read | after one event per arm | working set ÷ budget |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in footprints.OrderByDescending(f => f.Trained.WorkingSetBytes))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Policy} | {f.Arms:N0} | {f.ContextDimension} | {f.StateDoubles:N0} | {Size(f.StateBytes)} | {Pair(f.Created)} | {Pair(f.InUse)} | {Pair(f.Trained)} | {f.Trained.WorkingSetBytes / (double)BudgetBytes:F2} |");
        }

        var largest = footprints.MaxBy(f => f.Trained.WorkingSetBytes)!;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Largest working-set growth per experiment: {Size(largest.Trained.WorkingSetBytes)} ({largest.Policy}, trained), {largest.Trained.WorkingSetBytes / (double)BudgetBytes:F2} × the {BudgetBytes / Mb:N0} MB budget.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Stated bound (README, Security): {Size(StatedBoundBytes)} per experiment; {(WithinStatedBound ? "every policy is within it" : "EXCEEDED")}.");
        return text.ToString();
    }

    private static string Pair(MemorySample perExperiment) => $"{Size(perExperiment.HeapBytes)} / {Size(perExperiment.WorkingSetBytes)}";

    private static string Size(long bytes) => (bytes / Mb).ToString("N2", CultureInfo.InvariantCulture) + " MB";
}
