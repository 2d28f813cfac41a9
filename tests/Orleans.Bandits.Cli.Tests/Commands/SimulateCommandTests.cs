using System.Globalization;
using Orleans.Bandits.Cli.Reporting;

namespace Orleans.Bandits.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
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
        // Lai–Robbins by hand: Σ (0.5 − μ) / KL(μ, 0.5) = 27.4208524 over arms 0.45 … 0.05, times ln 2,000.
        Assert.Contains(ReportFormat.Regret(208.4232243), run.Output);
        Assert.Contains(ReportFormat.Percent((batched.Mean - instant.Mean) / instant.Mean * 100), run.Output);
        // K·(B + D)·Δmax = 10 · 150 · 0.45.
        Assert.Contains(ReportFormat.Regret(675), run.Output);
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

    [Theory]
    [InlineData("bernoulli", "thompson-beta")]
    [InlineData("gaussian", "random")]
    [InlineData("linear", "random")]
    [InlineData("logistic", "thompson-beta")]
    [InlineData("abrupt-change", "thompson-beta")]
    [InlineData("slow-drift", "thompson-beta")]
    [InlineData("adversarial", "thompson-beta")]
    [InlineData("knapsack", "thompson-beta")]
    public void Every_environment_runs_with_its_defaults(string environment, string policy)
    {
        var run = CliRun.Invoke("simulate", "--environment", environment, "--policy", policy, "--rounds", "500", "--seeds", "2", "--csv", _csv);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(environment, run.Output);
        Assert.Equal(2 * 100, File.ReadLines(_csv).Count(l => l.StartsWith("curve,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Contextual_policy_plays_the_linear_world_at_the_requested_dimension()
    {
        var contextual = PolicyCatalogue.All.First(d => d.Contextual).Name;

        var run = CliRun.Invoke("simulate", "--environment", "linear", "--policy", contextual, "--arms", "4", "--dimension", "3", "--rounds", "500", "--seeds", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(contextual, run.Output);
    }

    [Theory]
    [InlineData("logistic-thompson")]
    [InlineData("glm-ucb")]
    public void Binary_contextual_policy_plays_the_logistic_world(string policy)
    {
        var run = CliRun.Invoke("simulate", "--environment", "logistic", "--policy", policy, "--arms", "4", "--dimension", "3", "--rounds", "500", "--seeds", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(policy, run.Output);
    }

    [Theory]
    [InlineData("moss")]
    [InlineData("fpl")]
    [InlineData("dirichlet-thompson")]
    [InlineData("base")]
    [InlineData("auto")]
    public void New_context_free_policy_plays_the_default_bernoulli_world(string policy)
    {
        var run = CliRun.Invoke("simulate", "--policy", policy, "--rounds", "500", "--seeds", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(policy, run.Output);
    }

    [Fact]
    public void Adversarial_world_reports_regret_against_the_best_fixed_arm()
    {
        var run = CliRun.Invoke("simulate", "--environment", "adversarial", "--rounds", "1000", "--seeds", "2", "--csv", _csv);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("vs best fixed arm", run.Output);
        Assert.Contains(File.ReadLines(_csv), l => l.StartsWith("summary-vs-best-fixed-arm,instant,", StringComparison.Ordinal));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
