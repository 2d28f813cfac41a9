namespace Orleans.Bandits.Simulation.Theory;

/// <summary>Reference regret curves for follow-the-perturbed-leader (Boltzmann–Gumbel exploration).</summary>
public static class PerturbationRegretBounds
{
    /// <summary>
    /// The leading term of Cesa-Bianchi, Gentile, Lugosi and Neu (2017), Theorem 2, for Boltzmann–Gumbel
    /// exploration with perturbation scale C / √n: Σ over suboptimal arms of C²·ln²₊(TΔᵢ²/C²) / Δᵢ, with
    /// constant 1. The theorem multiplies this term by a constant and adds lower-order terms, so it is
    /// a shape (regret grows like ln² T, not ln T) rather than a guaranteed ceiling.
    /// </summary>
    public static double BoltzmannGumbelLeadingTerm(IReadOnlyList<double> means, long rounds, double c)
    {
        var best = means.Max();
        var sum = 0.0;
        foreach (var mean in means)
        {
            var gap = best - mean;
            if (gap > 0)
            {
                var log = Math.Max(0, Math.Log(rounds * gap * gap / (c * c)));
                sum += c * c * log * log / gap;
            }
        }

        return sum;
    }
}
