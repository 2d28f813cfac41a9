using Orleans.Bandits.Policies.Tests.Helpers;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// Thompson sampling (Beta(1, 1) priors) on ten Bernoulli arms, T = 10⁵, seeds 1–5, against the
/// Lai–Robbins value itself.
/// </summary>
/// <remarks>
/// <para>
/// The bound is LR(T) = Σᵢ Δᵢ / KL(μᵢ, μ*) · ln T = 27.42 · 11.51 ≈ 315.7, with factor 1. Lai and Robbins
/// (1985): no consistent policy's regret grows more slowly. Kaufmann, Korda and Munos (2012, Theorem 1)
/// and Agrawal and Goyal (2013, Theorem 1): Thompson sampling's grows no faster, E[Tᵢ(T)] ≤ (1 + ε)·ln T /
/// KL(μᵢ, μ*) + C(ε) for every ε &gt; 0. So LR(T) is the value a correct Thompson sampler's regret tends
/// to. The theorems give C(ε) in no closed form, so no finite-time multiple of LR(T) can be derived
/// from them, and the allowance of 3·LR(T) this test used to have let through a sampler with 2 % of
/// uniform play that never stops (593). We take the leading term alone. At T = 10⁵ a correct sampler is
/// below it, because the close arms have not yet had their ln T / KL pulls (arm 1, Δ = 0.05, would
/// need 2,297 and gets about 590): the second-order term is still negative here.
/// </para>
/// <para>
/// Observed on these seeds: Thompson 158 (142, 215, 117, 135, 181); mutants: 2 % undecaying uniform
/// play 593, greedy on the posterior mean 5,007, stuck on the second-best arm 5,000.
/// </para>
/// </remarks>
public sealed class ThompsonBetaRegretTests(ITestOutputHelper output)
{
    /// <summary>Ten Bernoulli arms with a 0.05 gap between the best two, as in the statistical brief.</summary>
    public static readonly double[] TenArms = [0.50, 0.45, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05];

    private const long Rounds = 100_000;
    private const int Seeds = 5;

    [Fact]
    public void Thompson_beta_stays_within_the_lai_robbins_value() =>
        Judge(PolicyCatalogue.Create("thompson-beta")).AssertHolds(output);

    [Fact]
    public void Mutant_whose_exploration_never_decays_breaks_the_lai_robbins_value()
    {
        // 2 % uniform play adds about 0.02·T·(mean gap 0.225) ≈ 450: it met the old 3·LR(T) ≈ 947.
        Judge(new UndecayingExplorationPolicy(PolicyCatalogue.Create("thompson-beta"), epsilon: 0.02)).AssertBroken(output);
    }

    [Fact]
    public void Mutant_with_no_exploration_breaks_the_lai_robbins_value() =>
        Judge(new GreedyPolicy(PolicyCatalogue.Create("thompson-beta"))).AssertBroken(output);

    [Fact]
    public void Mutant_stuck_on_the_second_best_arm_breaks_the_lai_robbins_value() =>
        Judge(new StuckOnArmPolicy(PolicyCatalogue.Create("thompson-beta"), arm: 1)).AssertBroken(output);

    /// <summary>Mean regret over the seeds against LR(T).</summary>
    private static RegretVerdict Judge(IBanditPolicy policy)
    {
        var results = SeedSweep.Run(policy, _ => new BernoulliEnvironment(TenArms), new SimulationOptions(Rounds), Seeds);
        return new RegretVerdict([new BoundCheck("regret", results.Average(r => r.PseudoRegret), RegretBounds.LaiRobbins(TenArms, Rounds))]);
    }
}
