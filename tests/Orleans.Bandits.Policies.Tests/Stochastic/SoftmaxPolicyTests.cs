using Orleans.Bandits.Policies.Tests.Helpers;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class SoftmaxPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("softmax");

    [Fact]
    public void Rewards_add_to_count_and_sum()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 3), new(0, -1.5), new(1, 0)]);
        Assert.Equal([2.0, 1.5], state.Arms[0]);
        Assert.Equal([1.0, 0.0], state.Arms[1]);
    }

    [Fact]
    public void Propensities_are_the_boltzmann_probabilities_and_sum_to_one()
    {
        var propensities = Propensities(Trained(0.5, 0.4, 0.2), [], 1);
        AssertClose(Boltzmann([0.5, 0.4, 0.2], 0.1), propensities);
        Assert.Equal(1.0, propensities.Sum(), 12);
    }

    [Fact]
    public void Exploration_scales_the_temperature()
    {
        AssertClose(Boltzmann([0.5, 0.4, 0.2], 0.25), Propensities(Trained(0.5, 0.4, 0.2), [], 2.5));
    }

    [Fact]
    public void Excluded_arms_are_renormalized_away()
    {
        var snapshot = Trained(0.5, 0.4, 0.2);
        var propensities = Propensities(snapshot, [true, false, false], 1);
        var rest = Boltzmann([0.4, 0.2], 0.1);
        AssertClose([0, rest[0], rest[1]], propensities);
        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, new Random(1)));
    }

    [Fact]
    public void Huge_rewards_neither_overflow_nor_lose_the_differences()
    {
        var policy = PolicyCatalogue.Create("softmax", new Dictionary<string, double> { ["temperature"] = 0.01 });
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1e6), new(1, 1e6 - 0.05)]);
        var propensities = Choices.Propensities(policy, policy.CreateSnapshot(state), [], 1);
        var tail = Math.Exp(-0.05 / 0.01);
        Assert.Equal(1 / (1 + tail), propensities[0], 6);
        Assert.Equal(tail / (1 + tail), propensities[1], 6);
    }

    [Fact]
    public void Exploration_zero_plays_the_best_mean_and_splits_ties()
    {
        var propensities = Propensities(Trained(0.5, 0.9, 0.9), [], 0);
        AssertClose([0, 0.5, 0.5], propensities);
    }

    [Fact]
    public void Unplayed_arms_are_played_first_uniformly()
    {
        var state = Policy.CreateState(4);
        Policy.Train(state, [new(0, 100), new(2, 100)]);
        AssertClose([0, 0.5, 0, 0.5], Propensities(Policy.CreateSnapshot(state), [], 1));
    }

    [Fact]
    public void Non_positive_temperature_is_rejected()
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("softmax", new Dictionary<string, double> { ["temperature"] = 0 }));
        Assert.Equal("policy.params.temperature", error.Field);
    }

    private static double[] Boltzmann(double[] means, double temperature)
    {
        var weights = means.Select(m => Math.Exp(m / temperature)).ToArray();
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>One event per arm with the given rewards.</summary>
    private static PolicySnapshot Trained(params double[] rewards)
    {
        var state = Policy.CreateState(rewards.Length);
        Policy.Train(state, OnePerArm(rewards));
        return Policy.CreateSnapshot(state);
    }

    private static double[] Propensities(PolicySnapshot snapshot, bool[] excluded, double exploration) =>
        Choices.Propensities(Policy, snapshot, excluded, exploration);
}
