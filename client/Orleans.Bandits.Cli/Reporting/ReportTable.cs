using Orleans.Bandits.Cli.Running;
using Orleans.Bandits.Simulation;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>Renders a <see cref="SimulationReport"/> as a table with one row per run, and the notes that explain it.</summary>
public static class ReportTable
{
    public static Table Build(SimulationReport report)
    {
        var table = new Table()
            .Title("bandits simulate")
            .Caption($"pseudo-regret: mean over seeds ± {SeedSummary.IntervalMethod}");
        table.AddColumn("policy");
        table.AddColumn("environment");
        table.AddColumn(new TableColumn("rounds").RightAligned());
        table.AddColumn(new TableColumn("seeds").RightAligned());
        table.AddColumn(new TableColumn("batch B").RightAligned());
        table.AddColumn(new TableColumn("delay D").RightAligned());
        table.AddColumn(new TableColumn("pseudo-regret ± 95% CI").RightAligned());
        table.AddColumn(new TableColumn("Lai–Robbins").RightAligned());
        table.AddColumn(new TableColumn("regret / bound").RightAligned());
        table.AddColumn(new TableColumn("overhead").RightAligned());
        table.AddColumn(new TableColumn("K·(B+D)·Δmax").RightAligned());

        foreach (var run in report.Runs)
        {
            var isMain = ReferenceEquals(run, report.Main);
            table.AddRow(
                Cell(report.Policy),
                Cell(report.Environment),
                Cell(report.Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell(report.SeedCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell(run.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell(run.Delay.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Cell(MeanWithInterval(run.PseudoRegret)),
                Cell(ReportFormat.Regret(report.LaiRobbins)),
                Cell(ReportFormat.Ratio(report.RatioToBound(run))),
                Cell(isMain ? ReportFormat.Percent(report.Overhead?.MeasuredPercent) : "baseline"),
                Cell(isMain ? ReportFormat.Regret(report.AdditiveTerm) : ReportFormat.Missing));
        }

        return table;
    }

    public static void Write(IAnsiConsole console, SimulationReport report)
    {
        console.Write(Build(report));
        if (report.LaiRobbins is null)
        {
            console.WriteLine("Lai–Robbins applies to Bernoulli arms only; not shown for this environment.");
        }

        if (report.Overhead is { } overhead)
        {
            var verdict = overhead.WithinBound ? "within" : "OUTSIDE";
            console.WriteLine(
                $"Overhead = (distributed − instant) / instant · 100 = {ReportFormat.Percent(overhead.MeasuredPercent)}; " +
                $"theory allows + K·(B+D)·Δmax = {ReportFormat.Regret(overhead.AdditiveTerm)} ({ReportFormat.Percent(overhead.AllowedPercent)}): {verdict} the bound.");
        }
    }

    private static Text Cell(string text) => new(text);

    private static string MeanWithInterval(SeedSummary summary) =>
        summary.HalfWidth95 is { } half
            ? $"{ReportFormat.Regret(summary.Mean)} ± {ReportFormat.Regret(half)}"
            : $"{ReportFormat.Regret(summary.Mean)} (1 seed: no CI)";
}
