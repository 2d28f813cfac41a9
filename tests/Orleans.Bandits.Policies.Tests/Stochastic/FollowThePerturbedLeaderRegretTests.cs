using Orleans.Bandits.Policies.Tests.Helpers;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

/// <summary>
/// FPL (Boltzmann–Gumbel exploration, C = 1) on five Bernoulli arms 0.5, 0.4, 0.3, 0.2, 0.1 at
/// T = 20,000, seeds 1–6.
/// </summary>
/// <remarks>
/// Cesa-Bianchi, Gentile, Lugosi and Neu (2017), Theorem 2, bound the regret by a constant times
/// Σᵢ C²·ln²(TΔᵢ²/C²)/Δᵢ plus lower-order terms: the ln² T growth is the claim, the constant is loose.
/// We assert the leading term with constant 1 (≈ 854 here; <see cref="PerturbationRegretBounds"/>),
/// which FPL meets with about half to spare (measured ≈ 413), and regret that flattens. A curve growing
/// like ln² T puts (ln² T − ln² (T/2)) / ln² (T/2) ≈ 0.15 of its first-half regret into the second half,
/// but at T = 20,000 the lower-order terms still show (FPL measures 0.34); the same paper's
/// distribution-free bound, O(√(KT)·ln K), grows like √T, which puts √2 − 1 ≈ 0.41 into the second half,
/// and that is the allowance (it was 0.75, which 10 % uniform play that never stops met: 0.56). A linear
/// curve puts 1.0.
/// Observed on these seeds: FPL 413, second half 106 of 307 (0.34). Mutants: follow the leader without
/// the perturbation is greedy: a best arm whose first reward is 0 is never tried again once another arm
/// has paid, so several seeds lose a fixed 0.1–0.4 per round (3,335, half of it in the second half);
/// stuck on the second-best arm loses T·0.1 = 2,000; 10 % undecaying uniform play 670, its second half
/// 242 of 428 (0.56).
/// </remarks>
public sealed class FollowThePerturbedLeaderRegretTests(ITestOutputHelper output)
{
    private const long Rounds = 20_000;
    private const int Seeds = 6;
    private static readonly double[] Means = [0.5, 0.4, 0.3, 0.2, 0.1];

    [Fact]
    public void Regret_stays_within_the_boltzmann_gumbel_leading_term_and_flattens() =>
        Judge(PolicyCatalogue.Create("fpl")).AssertHolds(output);

    [Fact]
    public void Mutant_without_the_perturbation_breaks_the_bound() =>
        Judge(new GreedyPolicy(PolicyCatalogue.Create("fpl"))).AssertBroken(output);

    [Fact]
    public void Mutant_stuck_on_the_second_best_arm_breaks_the_bound() =>
        Judge(new StuckOnArmPolicy(PolicyCatalogue.Create("fpl"), arm: 1)).AssertBroken(output);

    [Fact]
    public void Mutant_whose_exploration_never_decays_breaks_the_bound() =>
        Judge(new UndecayingExplorationPolicy(PolicyCatalogue.Create("fpl"), epsilon: 0.1)).AssertBroken(output);

    /// <summary>Mean pseudo-regret over the seeds against the leading term, and its second half against √2 − 1 of its first.</summary>
    private static RegretVerdict Judge(IBanditPolicy policy)
    {
        var results = SeedSweep.Run(policy, _ => new BernoulliEnvironment(Means), new SimulationOptions(Rounds), Seeds);
        var regret = results.Average(r => r.PseudoRegret);
        var firstHalf = results.Average(r => r.Curve.Single(p => p.Round == Rounds / 2).PseudoRegret);
        return new RegretVerdict(
        [
            new BoundCheck("regret", regret, PerturbationRegretBounds.BoltzmannGumbelLeadingTerm(Means, Rounds, c: 1)),
            new BoundCheck("second-half regret", regret - firstHalf, (Math.Sqrt(2) - 1) * firstHalf),
        ]);
    }
}
