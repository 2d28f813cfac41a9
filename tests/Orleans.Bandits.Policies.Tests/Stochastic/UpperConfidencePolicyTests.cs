namespace Orleans.Bandits.Policies.Tests.Stochastic;

/// <summary>
/// What UCB1, MOSS and KL-UCB share: each arm keeps [count, sum] of rewards in [0, 1], and only the
/// index built from them differs, so each test runs on each of them.
/// </summary>
public sealed class UpperConfidencePolicyTests
{
    [Theory]
    [InlineData("ucb1")]
    [InlineData("moss")]
    [InlineData("kl-ucb")]
    public void Rewards_add_to_count_and_sum(string name)
    {
        var policy = PolicyCatalogue.Create(name);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(0, 0.25), new(1, 0)]);
        Assert.Equal([2.0, 1.25], state.Arms[0]);
        Assert.Equal([1.0, 0.0], state.Arms[1]);
    }

    [Theory]
    [InlineData("ucb1")]
    [InlineData("moss")]
    [InlineData("kl-ucb")]
    public void Rewards_outside_the_unit_interval_are_rejected_naming_the_field(string name)
    {
        var policy = PolicyCatalogue.Create(name);
        Assert.All(new[] { -0.1, 1.5, double.NaN }, reward =>
            Assert.Equal("reward", Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, reward))).Field));
    }
}
