using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class SoftmaxPropensityTests
{
    [Theory]
    [InlineData(1.0, new bool[0])]
    [InlineData(1.0, new[] { true })]
    [InlineData(0.5, new[] { false, false, true })]
    public void Propensities_sum_to_one_and_match_selection_frequencies(double exploration, bool[] excluded)
    {
        var policy = PolicyCatalogue.Create("softmax");
        var state = policy.CreateState(5);
        double[] rewards = [0.5, 0.45, 0.3, 0.6, 0.4];
        policy.Train(state, OnePerArm(rewards));
        var snapshot = policy.CreateSnapshot(state);

        var (frequencies, propensities) = PropensitySampling.Run(policy, snapshot, excluded, exploration, PropensitySampling.Draws, seed: 43);

        PropensitySampling.AssertConsistent(frequencies, propensities, excluded);
    }
}
