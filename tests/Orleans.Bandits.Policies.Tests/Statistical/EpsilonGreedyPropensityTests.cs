using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class EpsilonGreedyPropensityTests
{
    [Theory]
    [InlineData(1.0, new bool[0])]
    [InlineData(1.0, new[] { false, true })]
    [InlineData(3.0, new[] { false, false, false, false, true })]
    public void Propensities_sum_to_one_and_match_selection_frequencies(double exploration, bool[] excluded)
    {
        var policy = PolicyCatalogue.Create("epsilon-greedy", new Dictionary<string, double> { ["epsilon"] = 0.2 });
        var state = policy.CreateState(5);
        // Arms 0 and 3 tie for the best mean, so the greedy mass is split as well.
        double[] rewards = [0.7, 0.4, 0.1, 0.7, 0.5];
        policy.Train(state, OnePerArm(rewards));
        var snapshot = policy.CreateSnapshot(state);

        var (frequencies, propensities) = PropensitySampling.Run(policy, snapshot, excluded, exploration, PropensitySampling.Draws, seed: 41);

        PropensitySampling.AssertConsistent(frequencies, propensities, excluded);
    }
}
