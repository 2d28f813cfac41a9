using Orleans.Bandits.Policies.Batched;
using Orleans.Bandits.Policies.Tests.Helpers;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Batched;

/// <summary>
/// BaSE on two Bernoulli arms 0.75 and 0.25, T = 100,000, M = 4 batches (minimax grid 464, 9,998,
/// 46,411, 100,000), γ = 4, seeds 1–4.
/// </summary>
/// <remarks>
/// The bound is derived in <see cref="BatchedEliminationBound"/> (Hoeffding for the means, Chernoff for
/// the counts of uniform play): batch 1 costs t₁·Δ/2 = 116; at t₁ the width ŵ₁ = √(2Kγ ln(TK)/t₁) ≈ 0.65
/// does not yet guarantee the gap 0.5 is resolved, so batch 2 may cost (t₂ − t₁)·Δ/2 ≈ 2,383; at t₂ the
/// width ≈ 0.14 does, so nothing more: ≈ 2,500 in all. Measured ≈ 720 (three seeds eliminate at t₁, one at t₂).
/// Mutants: without elimination (γ = 10⁹, a threshold beyond any gap of rewards in [0, 1]) every batch up
/// to t₃ plays both arms alike: ≈ 46,411·0.25 ≈ 11,600. Stuck on the worse arm: T·Δ = 50,000. With 10 %
/// uniform play that never stops: 0.1·T·Δ/2 = 2,500 on top of BaSE's own, past the bound, which charges
/// nothing after t₂. Observed on these seeds: BaSE 723; mutants 11,605, 50,000 and 3,163.
/// </remarks>
public sealed class BatchedSuccessiveEliminationRegretTests(ITestOutputHelper output)
{
    private const long Rounds = 100_000;
    private const int Seeds = 4;
    private static readonly double[] Means = [0.75, 0.25];

    [Fact]
    public void Regret_stays_within_the_derived_elimination_bound() =>
        Judge(Base(gamma: 4)).AssertHolds(output);

    [Fact]
    public void Mutant_that_never_eliminates_breaks_the_bound() =>
        Judge(Base(gamma: 1e9)).AssertBroken(output);

    [Fact]
    public void Mutant_stuck_on_the_worse_arm_breaks_the_bound() =>
        Judge(new StuckOnArmPolicy(Base(gamma: 4), arm: 1)).AssertBroken(output);

    [Fact]
    public void Mutant_whose_exploration_never_decays_breaks_the_bound() =>
        Judge(new UndecayingExplorationPolicy(Base(gamma: 4), epsilon: 0.1)).AssertBroken(output);

    private static BatchedSuccessiveEliminationPolicy Base(double gamma) =>
        (BatchedSuccessiveEliminationPolicy)PolicyCatalogue.Create("base", new Dictionary<string, double> { ["horizon"] = Rounds, ["gamma"] = gamma });

    /// <summary>Mean pseudo-regret over the seeds against the bound derived for γ = 4 on the minimax grid, whatever the policy runs with.</summary>
    private static RegretVerdict Judge(IBanditPolicy policy)
    {
        var results = SeedSweep.Run(policy, _ => new BernoulliEnvironment(Means), new SimulationOptions(Rounds), Seeds);
        var bound = BatchedEliminationBound.Expected(Means, Base(gamma: 4).Grid, gamma: 4);
        return new RegretVerdict([new BoundCheck("regret", results.Average(r => r.PseudoRegret), bound)]);
    }
}
