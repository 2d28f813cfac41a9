using System.Buffers;

namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// The probability that one of several independent Gaussian scores N(μⱼ, σⱼ²) is the largest: the
/// propensity of a posterior-sampling choice, whose scores are exactly that given the context (linear and
/// logistic Thompson sampling). With two arms it is Φ((μₐ − μ_b) / √(σₐ² + σ_b²)), exact. With more it is
/// the integral over u ∈ (0, 1) of Πⱼ≠ₐ Φ((μₐ + σₐ·q(u) − μⱼ) / σⱼ), q the standard normal quantile: the
/// chosen arm's score at its u-quantile must beat each other arm's, independently. It is computed by the
/// midpoint rule on <see cref="Nodes"/> equal cells, deterministically, so every replica reports the same.
/// </summary>
/// <remarks>
/// Accuracy: the integrand rises with u, so on each cell the midpoint value errs from the cell's mean by at
/// most half the rise across the cell; the rises add up to at most 1, so the error is at most 1/(2N) = 1/128
/// whatever the means and spreads (a near-step integrand, one arm far surer than another, comes close to
/// it; smooth ones err far less). Φ is read from a table (<see cref="NormalCdf"/>, error below 10⁻⁵).
/// Estimates are reported at least <see cref="Floor"/>, the error bound: the arm was chosen, so its
/// probability is not 0, and the floor caps its importance weight at 128.
/// Cost: at most N·(K − 1) evaluations of Φ per call, fewer when the chosen arm is unlikely, because the
/// rule runs from the top quantile down and stops where the integrand has become negligible.
/// </remarks>
internal static class GaussianRace
{
    /// <summary>Cells N of the midpoint rule.</summary>
    public const int Nodes = 64;

    /// <summary>The smallest propensity reported: the error bound 1/(2N).</summary>
    public const double Floor = 1.0 / (2 * Nodes);

    /// <summary>Below this the remaining (smaller) nodes add less than 10⁻¹² in total.</summary>
    private const double Negligible = 1e-12;

    /// <summary>Arms whose race inputs are gathered on the stack; beyond, the race rents a pooled buffer.</summary>
    private const int StackArms = 512;

    /// <summary>q((k + ½)/N) for k = 0 … N − 1, ascending: the midpoints of the cells, as standard normal quantiles.</summary>
    private static readonly double[] Quantiles = [.. Enumerable.Range(0, Nodes).Select(k => Quantile((k + 0.5) / Nodes))];

    /// <summary>The catalogue's statement of how the propensity of a contextual posterior-sampling choice is computed.</summary>
    public static string CatalogueNote { get; } =
        $"Propensity computed per call as the probability that the arm's Gaussian score is the highest for this context: exact with two available arms, else a {Nodes}-point quantile rule with error ≤ 1/{2 * Nodes}, floored at 1/{2 * Nodes}.";

    /// <summary>The probability that <paramref name="arm"/>'s score is the largest among the arms not <paramref name="excluded"/>.</summary>
    /// <param name="means">μ per arm (read for available arms only).</param>
    /// <param name="deviations">σ ≥ 0 per arm (read for available arms only).</param>
    /// <param name="excluded">Arms that take no part.</param>
    /// <param name="arm">The chosen arm, which must be available.</param>
    public static double WinProbability(ReadOnlySpan<double> means, ReadOnlySpan<double> deviations, ReadOnlySpan<bool> excluded, int arm)
    {
        var others = 0;
        var other = -1;
        for (var j = 0; j < means.Length; j++)
        {
            if (j != arm && !BanditPolicy.IsExcluded(excluded, j))
            {
                others++;
                other = j;
            }
        }

        if (others == 0)
        {
            return 1;
        }

        double mean = means[arm], deviation = deviations[arm];
        if (others == 1)
        {
            var spread = Math.Sqrt((deviation * deviation) + (deviations[other] * deviations[other]));
            return Math.Clamp(NormalCdf.Of(Standardized(mean, means[other], spread)), Floor, 1);
        }

        // The other arms' means and precisions side by side, so the inner loop is a multiply-add and a lookup.
        double[]? rented = null;
        var buffer = others <= StackArms ? stackalloc double[2 * others] : (Span<double>)(rented = ArrayPool<double>.Shared.Rent(2 * others));
        try
        {
            var otherMeans = buffer[..others];
            var precisions = buffer.Slice(others, others);
            var n = 0;
            for (var j = 0; j < means.Length; j++)
            {
                if (j != arm && !BanditPolicy.IsExcluded(excluded, j))
                {
                    otherMeans[n] = means[j];
                    precisions[n++] = deviations[j] > 0 ? 1 / deviations[j] : double.PositiveInfinity;
                }
            }

            var total = 0.0;
            for (var k = Nodes - 1; k >= 0; k--)
            {
                var score = mean + (deviation * Quantiles[k]);
                var product = 1.0;
                for (var j = 0; j < others && product >= Negligible; j++)
                {
                    var gap = score - otherMeans[j];
                    // An arm with no spread left is a step at its mean (∞ · 0 would be NaN).
                    product *= NormalCdf.Of(gap == 0 ? 0 : gap * precisions[j]);
                }

                if (product < Negligible)
                {
                    break;
                }

                total += product;
            }

            return Math.Clamp(total / Nodes, Floor, 1);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>(x − μ)/σ, with σ = 0 (no spread left) read as a step at μ.</summary>
    private static double Standardized(double x, double mean, double deviation) =>
        deviation > 0 ? (x - mean) / deviation : x > mean ? double.PositiveInfinity : x < mean ? double.NegativeInfinity : 0;

    /// <summary>q(p) by bisection on Φ, once per node at type initialization.</summary>
    private static double Quantile(double p)
    {
        double low = -10, high = 10;
        for (var i = 0; i < 100; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = NormalCdf.Exact(middle) < p ? (middle, high) : (low, middle);
        }

        return (low + high) / 2;
    }
}
