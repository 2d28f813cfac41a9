namespace Orleans.Bandits.Simulation.Theory;

/// <summary>Reference curves that tolerances in tests and the study are derived from.</summary>
public static class RegretBounds
{
    /// <summary>KL divergence between Bernoulli(p) and Bernoulli(q).</summary>
    public static double BernoulliKl(double p, double q)
    {
        const double eps = 1e-15;
        p = Math.Clamp(p, eps, 1 - eps);
        q = Math.Clamp(q, eps, 1 - eps);
        return p * Math.Log(p / q) + (1 - p) * Math.Log((1 - p) / (1 - q));
    }

    /// <summary>
    /// The Lai–Robbins asymptotic lower bound for Bernoulli arms:
    /// Σ over suboptimal arms of Δᵢ / KL(μᵢ, μ*) · ln T.
    /// </summary>
    public static double LaiRobbins(IReadOnlyList<double> means, long rounds)
    {
        var best = means.Max();
        return means.Where(m => m < best).Sum(m => (best - m) / BernoulliKl(m, best)) * Math.Log(rounds);
    }

    /// <summary>
    /// Auer, Cesa-Bianchi and Fischer (2002), Theorem 1: UCB1 with rewards in [0, 1] has expected
    /// regret at most Σ 8 ln T / Δᵢ + (1 + π²/3) Σ Δᵢ.
    /// </summary>
    public static double Ucb1FiniteTime(IReadOnlyList<double> means, long rounds)
    {
        var best = means.Max();
        var gaps = means.Where(m => m < best).Select(m => best - m).ToArray();
        return gaps.Sum(g => 8 * Math.Log(rounds) / g) + (1 + Math.PI * Math.PI / 3) * gaps.Sum();
    }

    /// <summary>
    /// Auer et al. (2002b), Corollary 3.2: EXP3 with γ = min(1, √(K ln K / ((e − 1) g))) has regret
    /// against the best fixed arm at most 2√(e − 1) √(g K ln K), g an upper bound on the best total reward.
    /// </summary>
    public static double Exp3(int arms, double bestTotal) =>
        2 * Math.Sqrt(Math.E - 1) * Math.Sqrt(bestTotal * arms * Math.Log(arms));

    /// <summary>The additive cost of batching B and delaying D events: K · (B + D) · Δmax.</summary>
    public static double BatchingAndDelay(IReadOnlyList<double> means, int batchSize, int delay) =>
        means.Count * (batchSize + delay) * (means.Max() - means.Min());
}
