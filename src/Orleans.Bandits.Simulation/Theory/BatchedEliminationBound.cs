namespace Orleans.Bandits.Simulation.Theory;

/// <summary>
/// An instance-dependent bound on the expected pseudo-regret of BaSE (batched successive elimination)
/// with rewards in [0, 1], for a grid t₁ &lt; … &lt; t_M = T, threshold √(γ ln(TK) / τ) and arms played
/// uniformly at random among the active ones.
/// </summary>
/// <remarks>
/// Derivation. Let w(n) = √(γ ln(TK) / n).
/// <list type="number">
/// <item>Event G: every arm's mean after n of its events is within w(n)/2 of its true mean, for every
/// n ≤ T. Hoeffding gives P(|Ȳₙ − μ| ≥ w(n)/2) ≤ 2·exp(−n·w(n)²/2) = 2(TK)^(−γ/2); a union over the K arms
/// and T counts gives P(not G) ≤ 2KT·(TK)^(−γ/2).</item>
/// <item>Event H: at every batch end t_m, every active arm has at least t_m / (2K) events. An active arm
/// is drawn with probability 1/|active| ≥ 1/K in every round so far, so its count dominates
/// Binomial(t_m, 1/K), and Chernoff gives P(count &lt; t_m/(2K)) ≤ exp(−t_m/(8K)); a union over arms and
/// batch ends gives P(not H) ≤ K(M − 1)·exp(−t₁/(8K)).</item>
/// <item>On G ∩ H, with τ_m the fewest events of an active arm at t_m and ŵ_m = √(2Kγ ln(TK) / t_m) ≥ w(τ_m):
/// the best arm is never eliminated (its mean trails any other's by less than w(τ_m)); an arm with
/// Δₖ ≥ 2ŵ_m is eliminated at t_m, since Ȳ_max − Ȳₖ ≥ Ȳ* − Ȳₖ &gt; Δₖ − w(τ_m) ≥ w(τ_m); and the arm committed
/// to at t_{M−1} has Δ &lt; ŵ_{M−1}, since its mean is at least the best arm's.</item>
/// <item>Regret: batch 1 plays all K arms alike, t₁·mean(Δ). Batch m + 1 (1 ≤ m ≤ M − 2) plays alike
/// the best arm and some subset B of S_m = {k : 0 &lt; Δₖ &lt; 2ŵ_m}, at most max_B ΣΔ_B / (|B| + 1) per
/// round. The last batch plays one arm with Δ &lt; ŵ_{M−1}. Off G ∩ H, at most T·Δ_max in all.</item>
/// </list>
/// </remarks>
public static class BatchedEliminationBound
{
    public static double Expected(IReadOnlyList<double> means, IReadOnlyList<double> grid, double gamma)
    {
        var arms = means.Count;
        var rounds = grid[^1];
        var best = means.Max();
        var gaps = means.Select(m => best - m).Where(g => g > 0).OrderByDescending(g => g).ToArray();
        var logTerm = gamma * Math.Log(rounds * arms);
        double Width(double t) => Math.Sqrt(2 * arms * logTerm / t);

        var regret = grid[0] * gaps.Sum() / arms;
        for (var m = 1; m < grid.Count - 1; m++)
        {
            var survivors = gaps.Where(g => g < 2 * Width(grid[m - 1])).ToArray();
            regret += (grid[m] - grid[m - 1]) * WorstUniformMix(survivors);
        }

        var committable = gaps.Where(g => g < Width(grid[^2])).DefaultIfEmpty(0).Max();
        regret += (rounds - grid[^2]) * committable;

        var failure = (2 * arms * rounds * Math.Pow(rounds * arms, -gamma / 2)) + (arms * (grid.Count - 1) * Math.Exp(-grid[0] / (8.0 * arms)));
        return regret + (Math.Min(1, failure) * rounds * gaps.DefaultIfEmpty(0).Max());
    }

    /// <summary>max over subsets B of the gaps (sorted descending) of ΣB / (|B| + 1): the worst average gap of a uniform play of B and the best arm.</summary>
    private static double WorstUniformMix(double[] descendingGaps)
    {
        double worst = 0, sum = 0;
        for (var n = 0; n < descendingGaps.Length; n++)
        {
            sum += descendingGaps[n];
            worst = Math.Max(worst, sum / (n + 2));
        }

        return worst;
    }
}
