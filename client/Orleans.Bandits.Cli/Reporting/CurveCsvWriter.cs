using Orleans.Bandits.Cli.Running;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>
/// Writes the regret curves as CSV: a <c>curve</c> row per seed and curve point, then a
/// <c>summary</c> row per run (mean pseudo-regret at T over seeds and its 95% interval); against an
/// adversary also a <c>summary-vs-best-fixed-arm</c> row (regret against the best fixed arm in hindsight).
/// </summary>
/// <remarks>Columns: kind, run (<c>instant</c> or <c>b{B}-d{D}</c>), seed, round, pseudoRegret, ci95Low, ci95High.</remarks>
public static class CurveCsvWriter
{
    public const string Header = "kind,run,seed,round,pseudoRegret,ci95Low,ci95High";

    public static void Write(string path, SimulationReport report)
    {
        using var writer = new StreamWriter(path);
        Write(writer, report);
    }

    public static void Write(TextWriter writer, SimulationReport report)
    {
        writer.WriteLine(Header);
        foreach (var run in report.Runs)
        {
            for (var index = 0; index < run.Seeds.Count; index++)
            {
                foreach (var point in run.Seeds[index].Curve)
                {
                    writer.WriteLine($"curve,{run.Label},{index + 1},{point.Round},{ReportFormat.Csv(point.PseudoRegret)},,");
                }
            }
        }

        foreach (var run in report.Runs)
        {
            var summary = run.PseudoRegret;
            writer.WriteLine($"summary,{run.Label},,{report.Rounds},{ReportFormat.Csv(summary.Mean)},{ReportFormat.Csv(summary.Lower)},{ReportFormat.Csv(summary.Upper)}");
            if (report.AgainstBestFixedArm)
            {
                var fixedArm = run.FixedArmRegret;
                writer.WriteLine($"summary-vs-best-fixed-arm,{run.Label},,{report.Rounds},{ReportFormat.Csv(fixedArm.Mean)},{ReportFormat.Csv(fixedArm.Lower)},{ReportFormat.Csv(fixedArm.Upper)}");
            }
        }
    }
}
