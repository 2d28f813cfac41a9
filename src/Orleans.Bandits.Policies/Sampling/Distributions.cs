using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Policies;

/// <summary>Allocation-free draws used on the select path, backed by MathNet.Numerics.</summary>
public static class Distributions
{
    /// <summary>Shapes below this are raised to it: a widened posterior must stay a proper distribution.</summary>
    private const double MinimumShape = 1e-6;

    public static double Beta(Random random, double alpha, double beta)
    {
        var x = Gamma.Sample(random, Math.Max(alpha, MinimumShape), 1.0);
        var y = Gamma.Sample(random, Math.Max(beta, MinimumShape), 1.0);
        var sum = x + y;
        return sum > 0 ? x / sum : alpha / (alpha + beta);
    }

    public static double StandardNormal(Random random) => Normal.Sample(random, 0.0, 1.0);

    public static double GammaShapeRate(Random random, double shape, double rate) =>
        Gamma.Sample(random, Math.Max(shape, MinimumShape), rate);
}
