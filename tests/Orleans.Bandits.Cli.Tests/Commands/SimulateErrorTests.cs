namespace Orleans.Bandits.Cli.Tests.Commands;

public sealed class SimulateErrorTests
{
    [Theory]
    [InlineData("--policy nope", "--policy")]
    [InlineData("--param alpha=-1", "--param alpha")]
    [InlineData("--param gamma=1", "--param gamma")]
    [InlineData("--param alpha", "--param")]
    [InlineData("--param alpha=x", "--param alpha")]
    [InlineData("--rounds abc", "--rounds")]
    [InlineData("--rounds 0", "--rounds")]
    [InlineData("--seeds 0", "--seeds")]
    [InlineData("--batch 0", "--batch")]
    [InlineData("--delay -1", "--delay")]
    [InlineData("--exploration -1", "--exploration")]
    [InlineData("--environment moon", "--environment")]
    [InlineData("--means 0.5,x", "--means")]
    [InlineData("--means 0.5,1.5", "--means")]
    [InlineData("--means 0.5,0.4 --arms 3", "--arms")]
    [InlineData("--dimension 4", "--dimension")]
    [InlineData("--environment linear --dimension 0", "--dimension")]
    [InlineData("--environment linear --policy thompson-beta", "--environment")]
    [InlineData("--environment gaussian --noise 0", "--noise")]
    [InlineData("--environment abrupt-change --after 0.5,0.4", "--after")]
    [InlineData("--environment slow-drift --amplitude 0.6", "--amplitude")]
    [InlineData("--environment adversarial --block-length 0", "--block-length")]
    [InlineData("--environment knapsack --costs 0.5,0.5", "--costs")]
    [InlineData("--unknown-option", "--unknown-option")]
    public void Bad_option_exits_with_code_2_and_a_message_naming_the_option(string options, string named)
    {
        var run = CliRun.Invoke(["simulate", "--rounds", "100", "--seeds", "1", .. options.Split(' ')]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.DoesNotContain(" at Orleans.", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Unknown_policy_lists_the_known_ones()
    {
        var run = CliRun.Invoke("simulate", "--policy", "nope");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("thompson-beta", run.Error);
        Assert.Contains("random", run.Error);
    }

    [Fact]
    public void Contextual_policy_without_contexts_points_to_the_linear_environment()
    {
        var contextual = PolicyCatalogue.All.First(d => d.Contextual).Name;

        var run = CliRun.Invoke("simulate", "--policy", contextual, "--rounds", "100");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--environment linear", run.Error);
    }

    [Fact]
    public void Knapsack_policy_whose_budget_runs_out_says_which_options_to_change()
    {
        // Default budget 1,000 of one resource; failures cost a unit, so it is spent well before round 5,000.
        var run = CliRun.Invoke("simulate", "--environment", "knapsack", "--policy", "bwk-primal-dual", "--rounds", "5000", "--seeds", "1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--rounds", run.Error);
        Assert.Contains("--param budgets", run.Error);
    }

    [Fact]
    public void Missing_command_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, CliRun.Invoke().ExitCode);
    }

    [Fact]
    public void Unwritable_csv_path_is_reported_against_the_option()
    {
        var run = CliRun.Invoke("simulate", "--rounds", "100", "--seeds", "1", "--csv", "/nonexistent-dir/x/curves.csv");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--csv", run.Error);
    }
}
