namespace Orleans.Bandits.Simulation.Theory;

/// <summary>Reference regret curves for arms whose rewards take values in a known finite set.</summary>
public static class CategoricalRegretBounds
{
    /// <summary>
    /// K_inf(ν, μ) = inf { KL(ν, ν′) : ν′ on the same values with mean ≥ μ }, by the dual formula of Honda
    /// and Takemura (2010): max over 0 ≤ λ ≤ 1/(v_max − μ) of E_ν[ln(1 − λ(X − μ))]. The objective is
    /// concave in λ, so a ternary search finds the maximum; +∞ when μ ≥ v_max (no such ν′ exists).
    /// </summary>
    public static double KInf(IReadOnlyList<double> values, IReadOnlyList<double> probabilities, double mean)
    {
        var top = values.Max();
        if (mean >= top)
        {
            return double.PositiveInfinity;
        }

        double Objective(double lambda)
        {
            var total = 0.0;
            for (var j = 0; j < values.Count; j++)
            {
                if (probabilities[j] > 0)
                {
                    total += probabilities[j] * Math.Log(Math.Max(1e-300, 1 - (lambda * (values[j] - mean))));
                }
            }

            return total;
        }

        double low = 0, high = 1 / (top - mean);
        for (var i = 0; i < 200; i++)
        {
            var left = low + ((high - low) / 3);
            var right = high - ((high - low) / 3);
            if (Objective(left) < Objective(right))
            {
                low = left;
            }
            else
            {
                high = right;
            }
        }

        return Objective((low + high) / 2);
    }

    /// <summary>
    /// The asymptotic lower bound of Burnetas and Katehakis (1996) for arms on a known finite support:
    /// Σ over suboptimal arms of Δᵢ / K_inf(νᵢ, μ*) · ln T. Multinomial Thompson sampling attains it
    /// (Riou and Honda 2020).
    /// </summary>
    public static double BurnetasKatehakis(CategoricalEnvironment environment, long rounds)
    {
        var best = environment.Means.Max();
        var sum = 0.0;
        for (var arm = 0; arm < environment.ArmCount; arm++)
        {
            var gap = best - environment.Means[arm];
            if (gap > 0)
            {
                sum += gap / KInf(environment.Values, environment.Probabilities(arm), best);
            }
        }

        return sum * Math.Log(rounds);
    }
}
