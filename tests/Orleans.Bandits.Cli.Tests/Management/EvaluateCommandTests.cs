using System.Text.Json;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class EvaluateCommandTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>
{
    private const int Decisions = 20;

    [Fact]
    public async Task Evaluate_prints_the_logged_value_and_each_estimate_the_API_computed()
    {
        var id = await RewardedExperimentAsync();

        var json = CliAssert.Json(await api.RunAsync("evaluate", id, "--policy", "ucb1", "--param", "c=1", "--estimator", "ips", "--estimator", "snips", "--json"));
        var table = await api.RunAsync("evaluate", id, "--policy", "ucb1", "--param", "c=1", "--estimator", "ips", "--estimator", "snips");

        Assert.Equal(Decisions, json.GetProperty("events").GetInt64());
        Assert.Equal(["ips", "snips"], json.GetProperty("estimates").EnumerateArray().Select(e => e.GetProperty("estimator").GetString()));
        CliAssert.Succeeded(table);
        Assert.Contains($"ucb1 on {Decisions} logged decisions", table.Output);
        Assert.Contains(ManagementFormat.Number(json.GetProperty("logged").GetProperty("value").GetDouble()), table.Output);
        foreach (var estimate in json.GetProperty("estimates").EnumerateArray())
        {
            var interval = estimate.GetProperty("ci95");
            Assert.Contains(ManagementFormat.Interval([interval[0].GetDouble(), interval[1].GetDouble()]), table.Output);
        }
    }

    [Fact]
    public async Task Evaluate_on_an_unknown_experiment_is_not_found()
    {
        CliAssert.FailedWith(await api.RunAsync("evaluate", LiveApiFixture.NewId("none"), "--policy", "ucb1"), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }

    [Fact]
    public async Task An_unknown_policy_is_refused_by_the_API_with_exit_code_2()
    {
        var id = LiveApiFixture.NewId("evalbad");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a", "--arm", "b"));

        CliAssert.FailedWith(await api.RunAsync("evaluate", id, "--policy", "no-such-policy"), ExitCodes.Usage, "(HTTP 400 validation)");
    }

    [Theory]
    [InlineData("--estimator", "mle", "--estimator")]
    [InlineData("--param", "c", "--param")]
    [InlineData("--to", "soon", "--to")]
    public async Task Bad_options_are_usage_errors(string option, string value, string named)
    {
        CliAssert.FailedWith(await api.RunAsync("evaluate", "x", "--policy", "ucb1", option, value), ExitCodes.Usage, named);
    }

    /// <summary>A Thompson-sampling experiment (every decision has a propensity) with every decision rewarded.</summary>
    private async Task<string> RewardedExperimentAsync()
    {
        var id = LiveApiFixture.NewId("eval");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red", "--arm", "blue"));
        for (var i = 0; i < Decisions; i++)
        {
            var selection = CliAssert.Json(await api.RunAsync("select", id, "--json"));
            var reward = selection.GetProperty("arm").GetString() == "red" ? "1" : "0";
            CliAssert.Succeeded(await api.RunAsync("feedback", selection.GetProperty("token").GetString()!, "--reward", reward));
        }

        await api.WaitForRewardedDecisionsAsync(id, Decisions);
        return id;
    }
}
