using System.Globalization;
using Orleans.Bandits.Cli.Running;
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
        if (report.AgainstBestFixedArm)
        {
            table.AddColumn(new TableColumn("vs best fixed arm ± 95% CI").RightAligned());
        }

        table.AddColumn(new TableColumn("Lai–Robbins bound").RightAligned());
        table.AddColumn(new TableColumn("regret / bound").RightAligned());
        table.AddColumn(new TableColumn("overhead").RightAligned());
        table.AddColumn(new TableColumn("K·(B+D)·Δmax").RightAligned());

        foreach (var run in report.Runs)
        {
            var isMain = ReferenceEquals(run, report.Main);
            List<string> cells =
            [
                report.Policy,
                report.Environment,
                report.Rounds.ToString(CultureInfo.InvariantCulture),
                report.SeedCount.ToString(CultureInfo.InvariantCulture),
                run.BatchSize.ToString(CultureInfo.InvariantCulture),
                run.Delay.ToString(CultureInfo.InvariantCulture),
                MeanWithInterval(run.PseudoRegret),
            ];
            if (report.AgainstBestFixedArm)
            {
                cells.Add(MeanWithInterval(run.FixedArmRegret));
            }

            cells.Add(ReportFormat.Regret(report.LowerBound));
            cells.Add(ReportFormat.Ratio(report.RatioToBound(run)));
            cells.Add(isMain ? ReportFormat.Percent(report.Overhead?.MeasuredPercent) : "baseline");
            cells.Add(isMain ? ReportFormat.Regret(report.AdditiveTerm) : ReportFormat.Missing);
            table.AddRow(cells.Select(c => new Text(c)));
        }

        return table;
    }

    public static void Write(IAnsiConsole console, SimulationReport report)
    {
        console.Write(Build(report));
        console.WriteLine(report.LowerBoundName is { } bound
            ? $"Lower bound: {bound}."
            : $"No Lai–Robbins-type lower bound is shown for {report.Environment}: it holds for fixed Bernoulli or Gaussian arms played without budgets.");

        if (report.AgainstBestFixedArm)
        {
            console.WriteLine("Against an adversary the best arm changes over time, so pseudo-regret grows linearly; the regret against the best fixed arm in hindsight is the measure that matters.");
        }

        if (report.Main.MeanSpent is { Count: > 0 } spent)
        {
            console.WriteLine($"Resources consumed per seed (mean): {string.Join(", ", spent.Select((s, r) => $"resource {r + 1} = {ReportFormat.Regret(s)}"))}.");
        }

        if (!report.FixedMeans)
        {
            console.WriteLine("K·(B+D)·Δmax is proven for fixed means; here Δmax is the largest gap seen in any round, so the term is a guide rather than a guarantee.");
        }

        if (report.Overhead is { } overhead)
        {
            var verdict = overhead.WithinBound ? "within" : "OUTSIDE";
            console.WriteLine(
                $"Overhead = (distributed − instant) / instant · 100 = {ReportFormat.Percent(overhead.MeasuredPercent)}; " +
                $"theory allows + K·(B+D)·Δmax = {ReportFormat.Regret(overhead.AdditiveTerm)} ({ReportFormat.Percent(overhead.AllowedPercent)}): {verdict} the bound.");
        }
    }

    private static string MeanWithInterval(SeedSummary summary) =>
        summary.HalfWidth95 is { } half
            ? $"{ReportFormat.Regret(summary.Mean)} ± {ReportFormat.Regret(half)}"
            : $"{ReportFormat.Regret(summary.Mean)} (1 seed: no CI)";
}
