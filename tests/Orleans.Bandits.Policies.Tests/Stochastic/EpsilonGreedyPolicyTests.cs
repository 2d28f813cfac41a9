using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class EpsilonGreedyPolicyTests
{
    private static IBanditPolicy Create(double epsilon, double decay = 0) =>
        PolicyCatalogue.Create("epsilon-greedy", new Dictionary<string, double> { ["epsilon"] = epsilon, ["decay"] = decay });

    [Fact]
    public void Rewards_add_to_count_and_sum()
    {
        var policy = Create(0.1);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 3), new(0, -1.5), new(1, 0)]);
        Assert.Equal([2.0, 1.5], state.Arms[0]);
        Assert.Equal([1.0, 0.0], state.Arms[1]);
    }

    [Fact]
    public void Propensity_is_epsilon_share_plus_greedy_mass()
    {
        var policy = Create(0.3);
        var propensities = Propensities(policy, Trained(policy, 0.8, 0.5, 0.2), [], 1);
        AssertClose([0.1 + 0.7, 0.1, 0.1], propensities);
        Assert.Equal(1.0, propensities.Sum(), 12);
    }

    [Fact]
    public void Excluded_arms_leave_their_share_to_the_available_ones()
    {
        var policy = Create(0.3);
        var snapshot = Trained(policy, 0.8, 0.5, 0.2);
        var propensities = Propensities(policy, snapshot, [true, false, false], 1);
        AssertClose([0, 0.15 + 0.7, 0.15], propensities);
        Assert.Null(policy.Select(snapshot, [], [true, true, true], 1, new Random(1)));
    }

    [Fact]
    public void Tied_best_arms_split_the_greedy_mass()
    {
        var policy = Create(0.3);
        var propensities = Propensities(policy, Trained(policy, 0.5, 0.5, 0.2), [], 1);
        AssertClose([0.1 + 0.35, 0.1 + 0.35, 0.1], propensities);
    }

    [Fact]
    public void Epsilon_decays_with_the_events_learned()
    {
        // ε = 0.9 and decay 1/3 after 3 events: ε_t = 0.9 / 2 = 0.45, so each other arm gets 0.15.
        var policy = Create(0.9, 1.0 / 3);
        var propensities = Propensities(policy, Trained(policy, 0.8, 0.5, 0.2), [], 1);
        AssertClose([0.15 + 0.55, 0.15, 0.15], propensities);
    }

    [Theory]
    [InlineData(2.0, 0.2)]
    [InlineData(50.0, 1.0)]
    public void Exploration_scales_epsilon_up_to_one(double exploration, double epsilon)
    {
        var policy = Create(0.1);
        var propensities = Propensities(policy, Trained(policy, 0.8, 0.5, 0.2), [], exploration);
        AssertClose([(epsilon / 3) + (1 - epsilon), epsilon / 3, epsilon / 3], propensities);
    }

    [Fact]
    public void Exploration_zero_is_greedy_with_certainty()
    {
        var policy = Create(0.5);
        var snapshot = Trained(policy, 0.2, 0.9, 0.5);
        var random = new Random(8);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(new Selection(1, 1.0), policy.Select(snapshot, [], [], 0, random));
        }
    }

    [Fact]
    public void With_no_data_every_arm_is_greedy_and_equally_likely()
    {
        var policy = Create(0.1);
        var propensities = Propensities(policy, policy.CreateSnapshot(policy.CreateState(4)), [], 1);
        AssertClose([0.25, 0.25, 0.25, 0.25], propensities);
    }

    [Theory]
    [InlineData("epsilon", 1.5)]
    [InlineData("epsilon", -0.1)]
    [InlineData("decay", -1)]
    public void Out_of_range_parameters_are_rejected(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("epsilon-greedy", new Dictionary<string, double> { [name] = value }));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    /// <summary>One event per arm with the given rewards.</summary>
    private static PolicySnapshot Trained(IBanditPolicy policy, params double[] rewards)
    {
        var state = policy.CreateState(rewards.Length);
        policy.Train(state, OnePerArm(rewards));
        return policy.CreateSnapshot(state);
    }
}
