using System.Globalization;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private static readonly double[] TenArms = [0.50, 0.45, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05];

    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"bandits-cli-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_csv);

    [Fact]
    public void Small_batched_run_writes_every_seed_curve_and_a_summary_the_table_agrees_with()
    {
        var run = CliRun.Invoke(
            "simulate", "--policy", "thompson-beta", "--rounds", "2000", "--seeds", "3",
            "--batch", "50", "--delay", "100", "--compare-instant", "--curve-points", "10", "--csv", _csv);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = File.ReadAllLines(_csv);
        Assert.Equal(CurveCsvWriter.Header, lines[0]);

        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var curves = rows.Where(r => r[0] == "curve").ToList();
        // Two runs (batched and instant) × three seeds × ten curve points.
        Assert.Equal(2 * 3 * 10, curves.Count);
        foreach (var label in new[] { "b50-d100", "instant" })
        {
            for (var seed = 1; seed <= 3; seed++)
            {
                var rounds = curves.Where(r => r[1] == label && r[2] == seed.ToString(CultureInfo.InvariantCulture)).Select(r => long.Parse(r[3], CultureInfo.InvariantCulture));
                Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 200L), rounds);
            }
        }

        var summaries = rows.Where(r => r[0] == "summary").ToDictionary(r => r[1], r => (Mean: Number(r[4]), Low: Number(r[5]), High: Number(r[6])));
        Assert.Equal(2, summaries.Count);
        var batched = summaries["b50-d100"];
        var instant = summaries["instant"];
        Assert.InRange(batched.Mean, batched.Low, batched.High);

        // The final curve points average to the summary mean.
        var finals = curves.Where(r => r[1] == "instant" && r[3] == "2000").Select(r => Number(r[4])).ToList();
        Assert.Equal(finals.Average(), instant.Mean, 1e-9);

        // The table shows the same numbers: means, interval half-widths, the Lai–Robbins bound and the overhead.
        Assert.Contains($"{ReportFormat.Regret(batched.Mean)} ± {ReportFormat.Regret((batched.High - batched.Low) / 2)}", run.Output);
        Assert.Contains($"{ReportFormat.Regret(instant.Mean)} ± {ReportFormat.Regret((instant.High - instant.Low) / 2)}", run.Output);
        Assert.Contains(ReportFormat.Regret(RegretBounds.LaiRobbins(TenArms, 2000)), run.Output);
        Assert.Contains(ReportFormat.Percent((batched.Mean - instant.Mean) / instant.Mean * 100), run.Output);
        Assert.Contains(ReportFormat.Regret(RegretBounds.BatchingAndDelay(TenArms, 50, 100)), run.Output);
        Assert.Contains("Student t", run.Output);
    }

    [Fact]
    public void Same_options_give_the_same_report()
    {
        string[] args = ["simulate", "--rounds", "1000", "--seeds", "4", "--batch", "10"];

        Assert.Equal(CliRun.Invoke(args).Output, CliRun.Invoke(args).Output);
    }

    [Fact]
    public void One_seed_reports_no_interval_instead_of_a_made_up_one()
    {
        var run = CliRun.Invoke("simulate", "--rounds", "500", "--seeds", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 seed: no CI", run.Output);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
