namespace Orleans.Bandits.Policies.Tests.Stochastic;

/// <summary>
/// FPL (Boltzmann–Gumbel exploration, C = 1) on five Bernoulli arms 0.5, 0.4, 0.3, 0.2, 0.1 at
/// T = 20,000, seeds 1–6.
/// </summary>
/// <remarks>
/// Cesa-Bianchi, Gentile, Lugosi and Neu (2017), Theorem 2, bound the regret by a constant times
/// Σᵢ C²·ln²(TΔᵢ²/C²)/Δᵢ plus lower-order terms: the ln² T growth is the claim, the constant is loose.
/// We assert the leading term with constant 1 (≈ 854 here; <see cref="PerturbationRegretBounds"/>),
/// which FPL meets with about half to spare (measured ≈ 413), and regret that flattens: a curve growing like
/// ln² T puts (ln² T − ln² (T/2)) / ln² (T/2) ≈ 0.15 of its first-half regret into the second half, a
/// linear one 1.0; we allow 0.75. Follow the leader without the perturbation is greedy: a best arm whose
/// first reward is 0 is never tried again once another arm has paid, so several seeds lose a fixed
/// 0.1–0.4 per round (measured ≈ 3,300, half of it in the second half).
/// </remarks>
public sealed class FollowThePerturbedLeaderRegretTests
{
    private const long Rounds = 20_000;
    private const int Seeds = 6;
    private static readonly double[] Means = [0.5, 0.4, 0.3, 0.2, 0.1];

    [Fact]
    public void Regret_stays_within_the_boltzmann_gumbel_leading_term_and_flattens()
    {
        AssertWithinLeadingTerm(exploration: 1);
    }

    [Fact]
    public void Mutant_without_the_perturbation_breaks_the_bound()
    {
        // Exploration scale 0 multiplies the Gumbel perturbation by 0: the unperturbed leader.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertWithinLeadingTerm(exploration: 0));
    }

    internal static void AssertWithinLeadingTerm(double exploration)
    {
        var results = SeedSweep.Run(PolicyCatalogue.Create("fpl"), _ => new BernoulliEnvironment(Means), new SimulationOptions(Rounds, Exploration: exploration), Seeds);

        var bound = PerturbationRegretBounds.BoltzmannGumbelLeadingTerm(Means, Rounds, c: 1);
        var mean = results.Average(r => r.PseudoRegret);
        Assert.True(mean <= bound, $"FPL mean regret {mean:F1} exceeds Σ ln²(TΔ²)/Δ = {bound:F1}");

        var firstHalf = results.Average(r => r.Curve.Single(p => p.Round == Rounds / 2).PseudoRegret);
        var secondHalf = mean - firstHalf;
        Assert.True(secondHalf <= 0.75 * firstHalf, $"FPL second-half regret {secondHalf:F1} is not below 0.75 × first half {firstHalf:F1}");
    }
}
