namespace Orleans.Bandits.Simulation.Theory;

/// <summary>Distribution-free regret bounds (they hold for every instance of the class, with the constants stated).</summary>
public static class MinimaxRegretBounds
{
    /// <summary>
    /// MOSS for rewards in [0, 1]: 19.5·√(KT) + Σ Δᵢ. Lattimore and Szepesvári (2020), Theorem 9.1: MOSS
    /// with index μ̂ + √((4/n)·ln⁺(T/(Kn))) has regret at most 39√(KT) + Σ Δᵢ on 1-sub-Gaussian arms. A
    /// reward in [0, 1] is ½-sub-Gaussian, so 2X is 1-sub-Gaussian, and MOSS on 2X (index doubled, bonus
    /// √((4/n)·ln⁺)) makes exactly the choices the index μ̂ + √(ln⁺(T/(Kn))/n) makes on X; its regret is
    /// twice X's, and the gaps double too, which halves the whole bound. The paper's own constant
    /// (Audibert and Bubeck 2009, Theorem 5) is 49√(KT).
    /// </summary>
    public static double Moss(IReadOnlyList<double> means, long rounds)
    {
        var best = means.Max();
        return (19.5 * Math.Sqrt(means.Count * (double)rounds)) + means.Sum(m => best - m);
    }

    /// <summary>
    /// EXP4 with M experts over K arms and η = √(2 ln M / (T K)): expected regret against the best
    /// expert's advice at most √(2 T K ln M) for losses in [0, 1] (Lattimore and Szepesvári 2020, Theorem 18.1).
    /// </summary>
    public static double Exp4(long rounds, int arms, int experts) =>
        Math.Sqrt(2 * rounds * (double)arms * Math.Log(experts));
}
