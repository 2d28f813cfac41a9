namespace Orleans.Bandits.Policies.Sampling;

/// <summary>
/// Allocation-free draws for the select path. A Thompson-Beta select at K = 10 makes ten Beta
/// draws and must stay under a microsecond, which MathNet's samplers miss: each Gamma draw there
/// runs its own Box–Muller transform and throws half of it away. Here one Marsaglia polar pair
/// feeds both Gamma draws of a Beta, and the Marsaglia–Tsang squeeze accepts most proposals
/// without a logarithm. The tests check every draw against MathNet's exact CDFs.
/// </summary>
public static class Distributions
{
    /// <summary>Shapes below this are raised to it: a widened posterior must stay a proper distribution.</summary>
    private const double MinimumShape = 1e-6;

    public static double Beta(Random random, double alpha, double beta)
    {
        var normals = NormalPair(random);
        var x = StandardGamma(random, Math.Max(alpha, MinimumShape), normals.First);
        var y = StandardGamma(random, Math.Max(beta, MinimumShape), normals.Second);
        var sum = x + y;
        return sum > 0 ? x / sum : alpha / (alpha + beta);
    }

    public static double StandardNormal(Random random) => NormalPair(random).First;

    public static double GammaShapeRate(Random random, double shape, double rate) =>
        StandardGamma(random, Math.Max(shape, MinimumShape), NormalPair(random).First) / rate;

    /// <summary>
    /// The standard Gumbel distribution, −ln E with E ~ Exp(1) = −ln U: the law of the maximum of many
    /// light-tailed draws, and the perturbation that turns an argmax into a softmax.
    /// </summary>
    public static double StandardGumbel(Random random)
    {
        var exponential = -Math.Log(OpenUniform(random));
        // U = 1 (probability 2⁻⁵³) gives E = 0; the smallest double keeps the draw finite.
        return -Math.Log(Math.Max(exponential, double.Epsilon));
    }

    /// <summary>
    /// Gamma(shape, 1) by Marsaglia and Tsang (2000). <paramref name="normal"/> is the standard normal
    /// for the first proposal, supplied by the caller so a Beta draw can share one polar pair.
    /// </summary>
    private static double StandardGamma(Random random, double shape, double normal)
    {
        if (shape < 1)
        {
            // Marsaglia–Tsang need shape ≥ 1; Gamma(a) = Gamma(a + 1) · U^(1/a) covers the rest.
            return StandardGamma(random, shape + 1, normal) * Math.Pow(OpenUniform(random), 1 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1 / Math.Sqrt(9 * d);
        var z = normal;
        while (true)
        {
            var v = 1 + (c * z);
            if (v > 0)
            {
                v = v * v * v;
                var u = OpenUniform(random);
                var z2 = z * z;
                if (u < 1 - (0.0331 * z2 * z2) || Math.Log(u) < (0.5 * z2) + (d * (1 - v + Math.Log(v))))
                {
                    return d * v;
                }
            }

            z = NormalPair(random).First;
        }
    }

    /// <summary>Two independent standard normals by Marsaglia's polar method.</summary>
    private static (double First, double Second) NormalPair(Random random)
    {
        while (true)
        {
            var u = (2 * random.NextDouble()) - 1;
            var v = (2 * random.NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s is > 0 and < 1)
            {
                var scale = Math.Sqrt(-2 * Math.Log(s) / s);
                return (u * scale, v * scale);
            }
        }
    }

    /// <summary>Uniform on (0, 1]: the logarithm and the power above must never see 0.</summary>
    private static double OpenUniform(Random random) => 1 - random.NextDouble();
}
