namespace Orleans.Bandits.Policies.Tests.Stochastic;

/// <summary>
/// Dirichlet Thompson sampling on a categorical world: four arms paying 0, 0.5 or 1 with probabilities
/// (0.3, 0.2, 0.5), (0.1, 0.8, 0.1), (0.2, 0.6, 0.2), (0.4, 0.4, 0.2), means 0.6, 0.5, 0.5, 0.4; T = 20,000, seeds 1–6.
/// </summary>
/// <remarks>
/// Multinomial Thompson sampling is asymptotically optimal on a known finite support (Riou and Honda
/// 2020): its regret tends to Σ Δᵢ / K_inf(νᵢ, μ*) · ln T, the Burnetas–Katehakis bound (≈ 47 here,
/// <see cref="CategoricalRegretBounds"/>). As for Thompson-Beta against Lai–Robbins, the lower-order terms
/// are positive at finite T, so we allow 3× the bound (≈ 141) for the mean over the seeds; measured ≈ 20.
/// Two arms pay 0.5 on average with little spread; playing the posterior mean without sampling stays
/// on one of them whenever the best arm's first rewards are low (every seed here: ≈ 2,000 = T·0.1).
/// </remarks>
public sealed class DirichletThompsonRegretTests
{
    private const long Rounds = 20_000;
    private const int Seeds = 6;

    private static readonly CategoricalEnvironment Ratings = new(
        [0, 0.5, 1],
        [[0.3, 0.2, 0.5], [0.1, 0.8, 0.1], [0.2, 0.6, 0.2], [0.4, 0.4, 0.2]]);

    [Fact]
    public void Regret_stays_within_three_times_the_burnetas_katehakis_bound()
    {
        AssertWithinThreeTimesTheLowerBound(exploration: 1);
    }

    [Fact]
    public void Mutant_playing_the_posterior_mean_breaks_the_bound()
    {
        // Exploration scale 0 replaces the Dirichlet draw by its mean: no sampling, no exploration.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertWithinThreeTimesTheLowerBound(exploration: 0));
    }

    internal static void AssertWithinThreeTimesTheLowerBound(double exploration)
    {
        var results = SeedSweep.Run(PolicyCatalogue.Create("dirichlet-thompson"), _ => Ratings, new SimulationOptions(Rounds, Exploration: exploration), Seeds);

        var bound = 3 * CategoricalRegretBounds.BurnetasKatehakis(Ratings, Rounds);
        var mean = results.Average(r => r.PseudoRegret);
        Assert.True(mean <= bound, $"Dirichlet Thompson mean regret {mean:F1} exceeds 3 × Σ Δ/K_inf · ln T = {bound:F1}");
    }
}
