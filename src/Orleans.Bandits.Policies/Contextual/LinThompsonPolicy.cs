namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Linear Thompson sampling (Agrawal and Goyal 2013) on the disjoint model: each arm keeps a ridge
/// regression, its posterior is N(θᵢ, v²Aᵢ⁻¹), and each selection draws θ̃ᵢ from it and plays the
/// arm with the highest θ̃ᵢ·x. The snapshot caches θᵢ and the Cholesky factor Lᵢ of v²Aᵢ⁻¹; given x the
/// score θ̃ᵢ·x is N(θᵢ·x, ‖Lᵢᵀx‖²), so a selection draws it with one normal per arm
/// (<see cref="PosteriorSamplingExploration"/>): no factorization on the select path. Exploration scale s
/// widens the posterior's standard deviation s times; s = 0 plays θᵢ·x. Propensity: the Gaussian race of the
/// arms' scores for the context, per call (<see cref="GaussianRace"/>).
/// </summary>
/// <remarks>
/// Layout: see <see cref="RidgeRegressionPolicy"/>. Snapshot arm = [count, θ = A⁻¹b (d), L (packed
/// lower triangle) with L Lᵀ = v²A⁻¹].
/// </remarks>
public sealed class LinThompsonPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : RidgeRegressionPolicy(descriptor, parameters, contextDimension, new PosteriorSamplingExploration(parameters["v"]))
{
    public static PolicyDescriptor Entry { get; } = new(
        "lin-thompson",
        "Linear Thompson sampling: per-arm ridge regression on the context, played by posterior sampling. " + GaussianRace.CatalogueNote,
        Contextual: true,
        RewardRange.AnyFinite,
        [
            new("v", 1, "Posterior scale v: θ is drawn from N(θ̂, v²A⁻¹); 0 plays the ridge estimate.", Min: 0),
            new("lambda", 1, "Ridge regularization λ: A starts at λI, the prior precision.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, dimension) => new LinThompsonPolicy(d, p, dimension));
}
