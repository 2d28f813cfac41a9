namespace Orleans.Bandits.LoadBalancer.Tests.Strategies;

/// <summary>Every strategy is a valid platform configuration with the exploration rule of the load balancer.</summary>
public sealed class StrategyCatalogueTests
{
    [Fact]
    public void Every_strategy_names_a_catalogue_policy_with_valid_parameters()
    {
        Assert.Equal(["RANDOM", "V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "BWK"], StrategyCatalogue.All.Select(s => s.Name));
        Assert.All(StrategyCatalogue.All, s => Assert.NotNull(PolicyCatalogue.Create(s.Policy.Name, s.Policy.Params)));
    }

    [Fact]
    public void Bandit_strategies_are_greedy_from_the_fourth_attempt_and_the_baseline_never_is()
    {
        Assert.All(StrategyCatalogue.All.Where(s => s != StrategyCatalogue.Random), s => Assert.Equal(0, s.Exploration.For(4)));
        Assert.All(Enumerable.Range(1, 10), attempt => Assert.Equal(1, StrategyCatalogue.Random.Exploration.For(attempt)));
    }

    [Fact]
    public void V5_widens_the_posterior_variance_by_four_two_and_one_on_the_free_attempts()
    {
        // The platform divides both Beta shapes by s², which multiplies the variance by about s².
        Assert.Equal([4.0, 2.0, 1.0], Enumerable.Range(1, 3).Select(a => Math.Round(Math.Pow(StrategyCatalogue.V5.Exploration.For(a), 2), 9)));
    }

    [Fact]
    public void Only_the_masking_strategies_report_a_429_as_unavailable()
    {
        Assert.Equal(["V6", "V7", "V8", "BWK"], StrategyCatalogue.All.Where(s => s.RateLimits.Masks).Select(s => s.Name));
        Assert.True(StrategyCatalogue.V8.RateLimits.Backoff);
        Assert.Equal([1.0], StrategyCatalogue.Bwk.CostsFor(failed: true)!);
        Assert.Null(StrategyCatalogue.V4.CostsFor(failed: true));
    }

    [Fact]
    public void Every_learning_strategy_honours_the_servers_one_second_retry_after_and_learns_capacities_and_the_baseline_does_not()
    {
        Assert.All(StrategyCatalogue.All.Where(s => s != StrategyCatalogue.Random), s => Assert.Equal(TimeSpan.FromSeconds(1), s.RateLimits.LocalRetryAfter));
        Assert.All(StrategyCatalogue.All.Where(s => s != StrategyCatalogue.Random), s => Assert.True(s.RateLimits.Remembers));
        Assert.Equal(TimeSpan.Zero, StrategyCatalogue.Random.RateLimits.LocalRetryAfter);
        Assert.False(StrategyCatalogue.Random.RateLimits.Remembers);
    }
}
