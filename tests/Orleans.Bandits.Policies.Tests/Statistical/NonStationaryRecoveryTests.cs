using Orleans.Bandits.Policies.Tests.Helpers;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// The forgetting policies on a two-arm world whose means switch once, judged in every phase: arm 0
/// leads (0.8 vs 0.2) for the first L = 10,000 rounds, then arm 1 leads (0.6 vs 0.4) for L more;
/// 10 fixed seeds.
/// </summary>
/// <remarks>
/// <para>
/// The per-phase bound. A policy with memory M (the window W, or 1 / (1 − γ) for discounting) holds
/// evidence from before a change for at most about M events after it, so we charge it the full gap for
/// M rounds after the change. Outside that stretch it is a stationary learner on its last M events, and
/// its long-run share of the worse arm is the fixed point the existing derivations give: with M ≈ 100
/// recent observations, Thompson sampling keeps the worse arm while it outdraws the better one,
/// Φ(−Δ / √(p(1 − p)/m + q(1 − q)/(M − m))) = m / M, about 0.11 after the change (0.6 vs 0.4) and 0.02
/// before it (0.8 vs 0.2); SW-UCB (W = 1,000, c = √0.6, bonus ≈ 2.03/√N) plays the worse arm until
/// 0.4 + 2.03/√N₀ ≤ 0.6 + 2.03/√(1,000 − N₀), about 0.06 of the time after the change and 0.01 before.
/// We allow a share of 1/4 (the tolerance these tests have always had), which gives
/// regret ≤ Δ₁·L/4 = 1,500 before the change and Δ₂·(M + (L − M)/4) after it: 515 for the Thompson
/// variants, 650 for SW-UCB. Each phase is checked on its own, so a policy cannot pay for a bad
/// phase with a good one.
/// </para>
/// <para>
/// Observed on these seeds (before / after): sliding-window Thompson 164 / 262, discounted Thompson
/// 151 / 250, SW-UCB 59 / 177. Mutants: the same policies with no forgetting 5 / 1,929 (Thompson) and
/// 9 / 1,490 (UCB); always the new best arm 6,000 / 0.
/// </para>
/// </remarks>
public sealed class NonStationaryRecoveryTests(ITestOutputHelper output)
{
    private const long PhaseLength = 10_000;
    private const int Seeds = 10;

    /// <summary>The largest long-run share of the worse arm allowed outside the stretch after a change.</summary>
    private const double WorseArmShare = 0.25;

    /// <summary>Arm 0 leads clearly, then at T/2 falls behind arm 1 by a smaller margin.</summary>
    private static readonly double[] Before = [0.8, 0.2];
    private static readonly double[] After = [0.4, 0.6];

    [Theory]
    [InlineData("sliding-window-thompson", 100)]
    [InlineData("discounted-thompson", 100)]
    [InlineData("sliding-window-ucb", 1_000)]
    public void Window_policies_keep_the_per_phase_bound_before_and_after_the_change(string name, int memory) =>
        JudgeEveryPhase(PolicyCatalogue.Create(name), memory).AssertHolds(output);

    [Theory]
    [InlineData("sliding-window-thompson", "window", 100_000, 100)]
    [InlineData("discounted-thompson", "gamma", 1, 100)]
    [InlineData("sliding-window-ucb", "window", 100_000, 1_000)]
    public void Mutant_with_no_forgetting_breaks_the_bound_of_the_phase_after_the_change(string name, string parameter, double value, int memory)
    {
        // A window longer than the run (or no discount) never forgets: by the change arm 0 has about
        // 10,000 plays at 0.8, its mean stays above arm 1's 0.6 until it has as many again at 0.4, and
        // the whole second phase goes to the old leader, about 0.2 · 10,000 = 2,000.
        var mutant = PolicyCatalogue.Create(name, new Dictionary<string, double> { [parameter] = value });
        JudgeEveryPhase(mutant, memory).AssertBroken(output);
    }

    [Fact]
    public void Mutant_that_always_plays_the_new_best_arm_breaks_the_bound_of_the_phase_before_the_change()
    {
        // The policy the old last-tenth check let through: perfect after the change, 0.6 · 10,000 = 6,000 before it.
        JudgeEveryPhase(new StuckOnArmPolicy(PolicyCatalogue.Create("sliding-window-thompson"), arm: 1), memory: 100).AssertBroken(output);
    }

    [Fact]
    public void Under_slow_drift_forgetting_policies_have_less_regret_than_plain_thompson()
    {
        // Three arms around 0.5 ± 0.3, a third of a period apart, period 5,000: the best arm changes
        // every ~1,700 rounds. The claim is only an ordering, so the tolerance is statistical: the
        // 95 % Student-t intervals over 5 seeds must not overlap.
        IBanditEnvironment Drift(int seed) => new SlowDriftEnvironment([0.5, 0.5, 0.5], 0.3, 5_000);
        SeedSummary Regret(string name) => SeedSummary.Of(
            SeedSweep.Run(PolicyCatalogue.Create(name), Drift, new SimulationOptions(2 * PhaseLength), 5).Select(r => r.PseudoRegret).ToArray());

        var plain = Regret("thompson-beta");
        foreach (var name in new[] { "sliding-window-thompson", "discounted-thompson", "sliding-window-ucb" })
        {
            var forgetting = Regret(name);
            Assert.True(forgetting.Upper < plain.Lower, $"{name}: {forgetting.Mean:F0} ± {forgetting.HalfWidth95:F0} vs thompson-beta {plain.Mean:F0} ± {plain.HalfWidth95:F0}");
        }
    }

    /// <summary>
    /// Mean regret over the seeds in each phase, each against its bound: Δ₁·L/4 before the change and
    /// Δ₂·(M + (L − M)/4) after it (see the class remarks).
    /// </summary>
    private static RegretVerdict JudgeEveryPhase(IBanditPolicy policy, int memory)
    {
        var results = SeedSweep.Run(policy, _ => new AbruptChangeEnvironment(Before, After, PhaseLength), new SimulationOptions(2 * PhaseLength), Seeds);
        var before = results.Average(r => r.Curve.Single(p => p.Round == PhaseLength).PseudoRegret);
        var after = results.Average(r => r.PseudoRegret) - before;
        return new RegretVerdict(
        [
            new BoundCheck("regret before the change", before, Gap(Before) * PhaseLength * WorseArmShare),
            new BoundCheck("regret after the change", after, Gap(After) * (memory + ((PhaseLength - memory) * WorseArmShare))),
        ]);
    }

    private static double Gap(double[] means) => means.Max() - means.Min();
}
