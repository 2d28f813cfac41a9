using Orleans.Bandits.Policies;
using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class Ucb1RegretTests
{
    [Fact]
    public void Regret_on_ten_bernoulli_arms_stays_within_the_auer_finite_time_bound()
    {
        const long rounds = 100_000;
        var means = ThompsonBetaRegretTests.TenArms;
        // Auer, Cesa-Bianchi and Fischer (2002), Theorem 1: UCB1, whose index is mean + √(2 ln t / n)
        // (our c = √2, the default), has expected regret at most Σ 8 ln T / Δᵢ + (1 + π²/3) Σ Δᵢ for
        // any rewards in [0, 1] at every T (≈ 5,221 here). The bound holds for the expectation, so we
        // compare the mean over 4 fixed seeds against it with no extra allowance.
        var bound = RegretBounds.Ucb1FiniteTime(means, rounds);
        var results = SeedSweep.Run(PolicyCatalogue.Create("ucb1"), _ => new BernoulliEnvironment(means), new SimulationOptions(rounds), seeds: 4);
        var mean = results.Average(r => r.PseudoRegret);

        Assert.InRange(mean, 0, bound);
    }
}
