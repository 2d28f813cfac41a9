using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class ThompsonGaussianMarginalTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Choices_between_two_arms_match_the_student_t_marginals(double exploration)
    {
        var policy = PolicyCatalogue.Create("thompson-gaussian");
        var state = policy.CreateState(2);
        policy.Train(state, [.. Alternating(0, 1.2, 1.0, 10), .. Alternating(1, 1.0, 0.5, 6)]);
        var snapshot = policy.CreateSnapshot(state);

        // Integrating out the precision leaves θ = μₙ + s · t₂ₐ · √(βₙ / (αₙκₙ)) for each arm, so arm 0
        // is chosen with probability P(θ₀ > θ₁) = ∫ f₁(x) (1 − F₀(x)) dx.
        var first = Marginal(snapshot.Arms[0], exploration);
        var second = Marginal(snapshot.Arms[1], exploration);
        var reach = 60 * exploration * Math.Max(first.Scale, second.Scale);
        var expected = Integrate.OnClosedInterval(
            x => second.Density(x) * (1 - first.CumulativeDistribution(x)),
            second.Location - reach,
            second.Location + reach);

        const int draws = 100_000;
        var random = new Random(31);
        var chosen = 0;
        for (var i = 0; i < draws; i++)
        {
            chosen += policy.Select(snapshot, [], [], exploration, random)!.Value.Arm == 0 ? 1 : 0;
        }

        // The count is Binomial(draws, expected): a two-sided 99.9% normal interval is
        // ± 3.29 · √(p(1 − p) / draws), about ± 0.005 here.
        var halfWidth = 3.2905 * Math.Sqrt(expected * (1 - expected) / draws);
        Assert.InRange((double)chosen / draws, expected - halfWidth, expected + halfWidth);
    }

    private static StudentT Marginal(double[] posterior, double exploration)
    {
        double mean = posterior[0], kappa = posterior[1], alpha = posterior[2], beta = posterior[3];
        return new StudentT(mean, exploration * Math.Sqrt(beta / (alpha * kappa)), 2 * alpha);
    }
}
