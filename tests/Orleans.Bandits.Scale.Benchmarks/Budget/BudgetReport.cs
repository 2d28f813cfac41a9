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
        return text.ToString();
    }

    private static string Pair(MemorySample perExperiment) => $"{Size(perExperiment.HeapBytes)} / {Size(perExperiment.WorkingSetBytes)}";

    private static string Size(long bytes) => (bytes / Mb).ToString("N2", CultureInfo.InvariantCulture) + " MB";
}
