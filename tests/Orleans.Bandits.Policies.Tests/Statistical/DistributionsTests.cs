using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// The select-path samplers against MathNet's exact CDFs by a one-sample Kolmogorov–Smirnov test.
/// With n = 40,000 draws the critical distance at significance 0.001 is 1.949 / √n ≈ 0.0097; a
/// sampler off by a shape error, a lost squeeze branch or a biased boost moves D far beyond that
/// (drawing Beta(2.1, 2) for Beta(2, 2) alone gives D ≈ 0.022). Beta(1, 1) is uniform only when
/// the two Gamma draws are independent, so it also catches a normal leaking between them.
/// </summary>
public sealed class DistributionsTests
{
    private const int Draws = 40_000;
    private static readonly double CriticalDistance = 1.949 / Math.Sqrt(Draws);

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.05, 2.0)]
    [InlineData(2.0, 2.0)]
    [InlineData(2.5, 7.0)]
    [InlineData(30.0, 970.0)]
    [InlineData(10_000.0, 10_000.0)]
    public void Beta_draws_follow_the_beta_distribution(double alpha, double beta)
    {
        var random = new Random(11);
        var distance = KolmogorovSmirnov(
            () => Distributions.Beta(random, alpha, beta),
            x => MathNet.Numerics.Distributions.Beta.CDF(alpha, beta, x));

        Assert.True(distance < CriticalDistance, $"D = {distance:F4} ≥ {CriticalDistance:F4} for Beta({alpha}, {beta})");
    }

    [Theory]
    [InlineData(0.2, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(3.7, 0.5)]
    [InlineData(100.0, 40.0)]
    public void Gamma_draws_follow_the_gamma_distribution(double shape, double rate)
    {
        var random = new Random(12);
        var distance = KolmogorovSmirnov(
            () => Distributions.GammaShapeRate(random, shape, rate),
            x => Gamma.CDF(shape, rate, x));

        Assert.True(distance < CriticalDistance, $"D = {distance:F4} ≥ {CriticalDistance:F4} for Gamma({shape}, {rate})");
    }

    [Fact]
    public void Normal_draws_follow_the_standard_normal_distribution()
    {
        var random = new Random(13);
        var distance = KolmogorovSmirnov(() => Distributions.StandardNormal(random), x => Normal.CDF(0, 1, x));

        Assert.True(distance < CriticalDistance, $"D = {distance:F4} ≥ {CriticalDistance:F4}");
    }

    private static double KolmogorovSmirnov(Func<double> draw, Func<double, double> cdf)
    {
        var sample = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            sample[i] = draw();
        }

        Array.Sort(sample);
        var distance = 0.0;
        for (var i = 0; i < Draws; i++)
        {
            var expected = cdf(sample[i]);
            distance = Math.Max(distance, Math.Max(((i + 1.0) / Draws) - expected, expected - ((double)i / Draws)));
        }

        return distance;
    }
}
