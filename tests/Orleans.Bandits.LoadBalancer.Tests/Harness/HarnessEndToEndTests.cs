using System.Globalization;
using System.Text.Json;
using Orleans.Bandits.Harness;
using Orleans.Bandits.Harness.Reporting;

namespace Orleans.Bandits.LoadBalancer.Tests.Harness;

/// <summary>
/// The harness from the command line to its files: it starts fleets, a silo and the load balancer in
/// this process, warms them up unrecorded, and runs every strategy on every tier for two seeds with
/// a few requests each.
/// </summary>
public sealed class HarnessEndToEndTests : IDisposable
{
    private const int Seeds = 2;
    private const int Requests = 12;

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"flaky-harness-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_short_run_of_every_strategy_and_tier_writes_attempts_runs_summary_and_live_files()
    {
        using var console = new StringWriter();
        using var errors = new StringWriter();
        var exit = await HarnessCli.RunAsync(
            ["run", "--seeds", $"{Seeds}", "--requests", $"{Requests}", "--rate", "0", "--parallel", "2", "--warmup", "3", "--output", _output],
            console,
            errors);
        Assert.True(exit == ExitCodes.Success, $"exit {exit}: {errors}\n{console}");

        // runs.csv: the dashboard's exact header and one consistent row per strategy × tier × seed.
        var runs = File.ReadAllLines(Path.Combine(_output, "runs.csv"));
        Assert.Equal("strategy,tier,seed,requests,successes,score,attempts,retries,penalties,latencyP50Ms,latencyP99Ms", runs[0]);
        var rows = runs.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(StrategyCatalogue.All.Count * 3 * Seeds, rows.Count);
        Assert.Equal(
            StrategyCatalogue.All.SelectMany(s => new[] { "T1", "T2", "T3" }.SelectMany(t => Enumerable.Range(1, Seeds).Select(seed => $"{s.Name},{t},{seed}"))).Order(),
            rows.Select(r => $"{r[0]},{r[1]},{r[2]}").Order());
        foreach (var row in rows)
        {
            var n = row.Skip(3).Take(6).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var (requests, successes, score, attempts, retries, penalties) = (n[0], n[1], n[2], n[3], n[4], n[5]);
            Assert.Equal(Requests, requests);
            Assert.Equal(successes - penalties, score);
            Assert.Equal(attempts - requests, retries);
            Assert.InRange(attempts, requests, requests * 10);
        }

        // attempts.csv: one row per attempt counted in runs.csv, none of the warm-up's.
        Assert.Contains("Warming up: 3 unrecorded requests", console.ToString(), StringComparison.Ordinal);
        var attemptLines = File.ReadAllLines(Path.Combine(_output, "attempts.csv"));
        Assert.Equal(AttemptLog.Header, attemptLines[0]);
        Assert.Equal(rows.Sum(r => int.Parse(r[6], CultureInfo.InvariantCulture)), attemptLines.Length - 1);

        // The summary: a row per strategy and tier, the table on the console, the best strategy per tier.
        Assert.Equal(StrategyCatalogue.All.Count * 3, File.ReadAllLines(Path.Combine(_output, "summary.csv")).Length - 1);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_output, "summary.md"));
        Assert.Contains("| T3 | ", markdown, StringComparison.Ordinal);
        Assert.Contains("Best on T1:", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("Best on T3:", console.ToString(), StringComparison.Ordinal);

        // live.json: the last run's curve and its tier's servers, in the dashboard's shape.
        using var live = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "live.json")));
        var root = live.RootElement;
        Assert.Contains(root.GetProperty("strategy").GetString(), StrategyCatalogue.All.Select(s => s.Name));
        Assert.Matches("^T[123]$", root.GetProperty("tier").GetString());
        Assert.InRange(root.GetProperty("seed").GetInt32(), 1, Seeds);
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("updatedAt").GetString(), CultureInfo.InvariantCulture, out _));
        var last = root.GetProperty("points").EnumerateArray().Last();
        Assert.Equal(Requests, last.GetProperty("requests").GetInt32());
        Assert.InRange(last.GetProperty("successRate").GetDouble(), 0, 1);
        Assert.True(last.GetProperty("cumulativeRegret").GetDouble() >= 0);
        var servers = root.GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(10, servers.Count);
        Assert.All(servers, s =>
        {
            Assert.Equal(root.GetProperty("tier").GetString(), s.GetProperty("tier").GetString());
            Assert.InRange(s.GetProperty("successRate").GetDouble(), 0.35, 0.93);
            Assert.True(s.GetProperty("rateLimited").GetInt32() >= 0);
            Assert.StartsWith("t", s.GetProperty("name").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_unknown_strategy_is_a_usage_error_that_names_the_option()
    {
        using var errors = new StringWriter();
        var exit = await HarnessCli.RunAsync(["run", "--strategies", "V4,V42", "--output", _output], new StringWriter(), errors);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--strategies", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("V42", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_strategies_command_lists_every_strategy_with_its_policy()
    {
        using var console = new StringWriter();
        Assert.Equal(ExitCodes.Success, await HarnessCli.RunAsync(["strategies"], console));
        Assert.All(StrategyCatalogue.All, s => Assert.Contains(s.Policy.Name, console.ToString(), StringComparison.Ordinal));
        Assert.Contains("bwk-primal-dual", console.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
