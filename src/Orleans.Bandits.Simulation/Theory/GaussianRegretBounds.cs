namespace Orleans.Bandits.Simulation.Theory;

/// <summary>Reference regret curves for arms with Gaussian rewards.</summary>
public static class GaussianRegretBounds
{
    /// <summary>
    /// The asymptotic lower bound of Burnetas and Katehakis (1996) for Gaussian arms whose means and
    /// variances are both unknown: Σ over suboptimal arms of Δᵢ / K_inf,ᵢ · ln T, where
    /// K_inf,ᵢ = ½ ln(1 + Δᵢ² / σᵢ²) (Honda and Takemura 2014) is the smallest KL divergence from
    /// arm i to a Gaussian of any variance whose mean beats the best arm. It is at least the
    /// known-variance bound Σ 2σᵢ² / Δᵢ · ln T, since ln(1 + x) ≤ x.
    /// </summary>
    public static double UnknownVarianceLowerBound(IReadOnlyList<double> means, IReadOnlyList<double> standardDeviations, long rounds)
    {
        if (standardDeviations.Count != means.Count)
        {
            throw new ArgumentException("Give one standard deviation per mean.", nameof(standardDeviations));
        }

        var best = means.Max();
        var sum = 0.0;
        for (var arm = 0; arm < means.Count; arm++)
        {
            var gap = best - means[arm];
            if (gap > 0)
            {
                var ratio = gap / standardDeviations[arm];
                sum += gap / (0.5 * Math.Log(1 + (ratio * ratio)));
            }
        }

        return sum * Math.Log(rounds);
    }
}
