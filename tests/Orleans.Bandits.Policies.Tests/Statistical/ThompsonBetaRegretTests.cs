using Orleans.Bandits.Policies;
using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class ThompsonBetaRegretTests
{
    /// <summary>Ten Bernoulli arms with a 0.05 gap between the best two, as in the statistical brief.</summary>
    public static readonly double[] TenArms = [0.50, 0.45, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05];

    [Fact]
    public void Regret_on_ten_bernoulli_arms_stays_within_three_times_the_lai_robbins_bound()
    {
        const long rounds = 100_000;
        // Thompson sampling is asymptotically optimal (Agrawal and Goyal 2012; Kaufmann et al. 2012):
        // its regret tends to the Lai–Robbins constant times ln T. At finite T the lower-order terms
        // are positive, so we allow 3× the bound, averaged over 5 fixed seeds to tame the variance.
        var bound = RegretBounds.LaiRobbins(TenArms, rounds);
        var mean = Enumerable.Range(1, 5)
            .Select(seed => Simulator.Run(PolicyCatalogue.Create("thompson-beta"), new BernoulliEnvironment(TenArms), new SimulationOptions(rounds, seed)).PseudoRegret)
            .Average();

        Assert.InRange(mean, 0, 3 * bound);
    }
}
