using System.Globalization;
using Orleans.Bandits.Cli.Study;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>Renders a <see cref="StudyReport"/>: the article's table, the time mapping, and the notes that explain both.</summary>
public static class StudyTable
{
    public static Table Decomposition(StudyReport report)
    {
        var d = report.Decomposition;
        var article = report.Article;
        var table = new Table()
            .Title($"The price of distribution: {report.Policy.Name}, {report.World.Arms} arms, Δmin = {Number(report.World.MinGap)}, T = {Count(report.Rounds)}, {report.Seeds} seeds")
            .Caption($"mean over seeds ± {SeedSummary.IntervalMethod}; differences paired by seed");
        table.AddColumn("component");
        table.AddColumn(new TableColumn("regret ± 95% CI").RightAligned());
        table.AddColumn(new TableColumn("% of total").RightAligned());
        table.AddColumn(new TableColumn("article's formula at this T").RightAligned());
        table.AddRow("ideal algorithm (a): policy in process, instant updates", WithInterval(d.Ideal), Share(d, d.Ideal.Mean), $"{ReportFormat.Regret(article.Oracle)} (K·ln T/Δmin)");
        table.AddRow("Lai–Robbins bound: Σ Δᵢ/KL(μᵢ, μ*) · ln T", ReportFormat.Regret(d.LaiRobbins), ReportFormat.Missing, ReportFormat.Missing);
        table.AddRow("batching overhead (b − a)", WithInterval(d.Batching), Share(d, d.Batching.Mean), $"{ReportFormat.Regret(article.Batching)} (oracle·K/J)");
        table.AddRow("delay overhead (c − b)", WithInterval(d.Delay), Share(d, d.Delay.Mean), $"{ReportFormat.Regret(article.Delay)} (K·d·Δmin)");
        table.AddRow("total distributed (c): platform, batches + delay", WithInterval(d.Total), Share(d, d.Total.Mean), ReportFormat.Regret(article.Total));
        table.AddRow("overhead (c − a) / a", PercentWithInterval(d.OverheadPercent), ReportFormat.Missing, ReportFormat.Percent(article.OverheadPercent));
        return table;
    }

    public static Table TimeMapping(StudyReport report)
    {
        var table = new Table().Title("The setting in events (lockstep: each batch is exact in selections)");
        table.AddColumn("quantity");
        table.AddColumn("in time");
        table.AddColumn("in events");
        foreach (var (quantity, inTime, inEvents) in report.Scale.Mapping(report.Rounds))
        {
            table.AddRow(new Text(quantity), new Text(inTime), new Text(inEvents));
        }

        return table;
    }

    public static void Write(IAnsiConsole console, StudyReport report)
    {
        console.Write(TimeMapping(report));
        console.Write(Decomposition(report));
        var defaults = report.Policy.Defaults;
        console.WriteLine(
            $"(a) is the catalogue policy in this process, trained after every selection. (b) and (c) ran on the {report.Cluster}: " +
            $"every selection a select on the selector replica, every outcome feedback through the feedback grain and the stream to the experiment grain. " +
            $"Real timers: {report.Policy.Name} replicas refresh every {Millis(defaults.ReplicaTtl)} and publish training at most every {Millis(defaults.TrainingInterval)}; " +
            $"after each batch the driver waited for both, so they set the wall time ({report.Elapsed.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min), not what a selection knew.");
        if (report.StoppedEarly)
        {
            console.WriteLine(
                $"Stopped early: T = {Count(report.Rounds)} of the {Count(report.RequestedRounds)} asked for, the last curve point every run reached. " +
                "The cumulative regret at round t is what a t-round study measures: the policy does not plan for T.");
        }

        console.WriteLine($"Selections served from an older snapshot than the batch's: {Count(report.StaleSelections)} of {Count(2L * report.Seeds * report.Rounds)}.");
        console.WriteLine(
            "The Lai–Robbins bound is asymptotic (lim inf of R_T / ln T); at finite T a policy may sit below it. " +
            "The article's column applies its own formulas to this T, B and delay.");
        console.WriteLine($"Overhead target < {ReportFormat.Percent(StudyReport.TargetPercent)}: {report.Verdict}.");
    }

    private static string WithInterval(SeedSummary summary) =>
        summary.HalfWidth95 is { } half ? $"{ReportFormat.Regret(summary.Mean)} ± {ReportFormat.Regret(half)}" : ReportFormat.Regret(summary.Mean);

    private static string PercentWithInterval(SeedSummary summary) =>
        summary.HalfWidth95 is { } half ? $"{ReportFormat.Percent(summary.Mean)} ± {half.ToString("0.0", CultureInfo.InvariantCulture)} %" : ReportFormat.Percent(summary.Mean);

    private static string Share(RegretDecomposition decomposition, double component) =>
        decomposition.ShareOfTotal(component).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Millis(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
