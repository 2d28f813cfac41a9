using Orleans.Bandits.Policies;
using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class ThompsonGaussianRegretTests
{
    /// <summary>Five Gaussian arms with unequal noise, so the policy must learn each variance.</summary>
    public static readonly double[] Means = [1.0, 0.8, 0.6, 0.3, 0.0];

    public static readonly double[] StandardDeviations = [1.0, 0.5, 2.0, 1.0, 0.5];

    [Fact]
    public void Regret_on_gaussian_arms_stays_within_three_times_the_unknown_variance_lower_bound()
    {
        const long rounds = 20_000;
        // For Gaussian arms with unknown means and variances no consistent policy beats
        // Σ Δᵢ / K_inf,ᵢ · ln T with K_inf,ᵢ = ½ ln(1 + Δᵢ² / σᵢ²) (Burnetas and Katehakis 1996; Honda and
        // Takemura 2014), ≈ 276 here. Honda and Takemura also show Thompson sampling reaches this
        // constant asymptotically for some Normal–Gamma-type priors and misses it for others, through
        // rare under-estimates of a variance whose cost appears only at very long horizons. So, as for
        // Thompson-Beta, the allowance is 3× the bound for the positive lower-order terms at finite T,
        // on the mean over 5 fixed seeds.
        var bound = GaussianRegretBounds.UnknownVarianceLowerBound(Means, StandardDeviations, rounds);
        var results = SeedSweep.Run(
            PolicyCatalogue.Create("thompson-gaussian"),
            _ => new GaussianEnvironment(Means, StandardDeviations),
            new SimulationOptions(rounds),
            seeds: 5);
        var mean = results.Average(r => r.PseudoRegret);

        Assert.InRange(mean, 0, 3 * bound);
    }
}
