using Orleans.Bandits.Cli.Study;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>
/// Writes the study as CSV: a <c>curve</c> row per setting, seed and curve point; a <c>mean</c> row
/// per setting and point (mean over seeds and its 95 % interval); then a <c>component</c> row per
/// line of the table, at round T.
/// </summary>
/// <remarks>Columns: kind, name (setting or component), seed, round, value, ci95Low, ci95High.</remarks>
public static class StudyCsvWriter
{
    public const string Header = "kind,name,seed,round,value,ci95Low,ci95High";

    public static void Write(string path, StudyReport report)
    {
        using var writer = new StreamWriter(path);
        Write(writer, report);
    }

    public static void Write(TextWriter writer, StudyReport report)
    {
        writer.WriteLine(Header);
        foreach (var setting in StudySettings.All)
        {
            foreach (var run in report.Runs[setting])
            {
                foreach (var point in run.Curve)
                {
                    writer.WriteLine($"curve,{setting.Label()},{run.Seed},{point.Round},{ReportFormat.Csv(point.PseudoRegret)},,");
                }
            }
        }

        foreach (var setting in StudySettings.All)
        {
            foreach (var (round, regret) in report.MeanCurve(setting))
            {
                Row(writer, "mean", setting.Label(), round, regret);
            }
        }

        var d = report.Decomposition;
        Row(writer, "component", "ideal", report.Rounds, d.Ideal);
        Row(writer, "component", "batching", report.Rounds, d.Batching);
        Row(writer, "component", "delay", report.Rounds, d.Delay);
        Row(writer, "component", "total", report.Rounds, d.Total);
        Row(writer, "component", "overhead-percent", report.Rounds, d.OverheadPercent);
        writer.WriteLine($"component,lai-robbins,,{report.Rounds},{ReportFormat.Csv(d.LaiRobbins)},,");
    }

    private static void Row(TextWriter writer, string kind, string name, long round, SeedSummary summary) =>
        writer.WriteLine($"{kind},{name},,{round},{ReportFormat.Csv(summary.Mean)},{ReportFormat.Csv(summary.Lower)},{ReportFormat.Csv(summary.Upper)}");
}
