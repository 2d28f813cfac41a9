using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Tests.Commands;

public sealed class PolicyArgumentsTests
{
    [Fact]
    public void Scalars_and_comma_separated_vectors_are_parsed_by_name()
    {
        var parameters = PolicyArguments.ParseParameters(["alpha=2", "budgets=100, 2.5"]);

        Assert.Equal([2.0], parameters["alpha"]);
        Assert.Equal([100.0, 2.5], parameters["budgets"]);
    }

    [Fact]
    public void A_parameter_given_twice_is_refused_by_name()
    {
        var error = Assert.Throws<UsageException>(() => PolicyArguments.ParseParameters(["alpha=2", "alpha=3"]));

        Assert.Equal("--param alpha", error.Option);
    }

    [Fact]
    public void Parameters_reach_the_policy_through_the_catalogue()
    {
        var policy = PolicyArguments.Create(PolicyArguments.Find("thompson-beta"), PolicyArguments.ParseParameters(["alpha=2"]), 0);

        Assert.Equal(2, policy.Parameters["alpha"]);
        Assert.Equal(1, policy.Parameters["beta"]);
    }

    [Fact]
    public void Horizon_defaults_to_the_simulated_rounds_unless_given()
    {
        var knapsack = PolicyArguments.Find("bwk-primal-dual");

        Assert.Equal([5000.0], PolicyArguments.WithHorizon(knapsack, new Dictionary<string, double[]>(), 5000)["horizon"]);
        Assert.Equal([7.0], PolicyArguments.WithHorizon(knapsack, new Dictionary<string, double[]> { ["horizon"] = [7] }, 5000)["horizon"]);
        Assert.False(PolicyArguments.WithHorizon(PolicyArguments.Find("thompson-beta"), new Dictionary<string, double[]>(), 5000).ContainsKey("horizon"));
    }
}
