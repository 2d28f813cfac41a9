namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Logistic Thompson sampling for binary rewards with context (Chapelle and Li 2011): each arm keeps a
/// Laplace approximation N(θᵢ, Σᵢ) of its logistic-regression posterior (<see cref="LogisticArm"/>), each
/// selection draws θ̃ᵢ ~ N(θᵢ, v²Σᵢ) and plays the arm with the highest θ̃ᵢ·x, that is the highest
/// sampled success probability σ(θ̃ᵢ·x). The model is disjoint, one regression per arm, as for LinUCB
/// and linear Thompson sampling here: arms need no features of their own and an added arm starts from
/// the prior. The snapshot caches the Cholesky factor L of v²Σᵢ; given x the logit score is
/// N(θᵢ·x, ‖Lᵀx‖²), so a selection draws it with one normal per arm (<see cref="PosteriorSamplingExploration"/>).
/// Exploration scale s widens the posterior's standard deviation s times; s = 0 plays θᵢ·x. Propensity: the
/// Gaussian race of the arms' logit scores for the context, per call (<see cref="GaussianRace"/>).
/// </summary>
/// <remarks>
/// Layout: see <see cref="LogisticRegressionPolicy"/>. Snapshot arm = [count, θ (d), L (packed lower
/// triangle) with L Lᵀ = v²Σ].
/// </remarks>
public sealed class LogisticThompsonPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : LogisticRegressionPolicy(descriptor, parameters, contextDimension, new PosteriorSamplingExploration(parameters["v"]))
{
    public static PolicyDescriptor Entry { get; } = new(
        "logistic-thompson",
        "Logistic Thompson sampling: per-arm Bayesian logistic regression on the context (Laplace approximation), played by posterior sampling; rewards 1/0 (fractions as soft labels). " + GaussianRace.CatalogueNote,
        Contextual: true,
        RewardRange.Unit,
        [
            new("v", 1, "Posterior scale v: θ is drawn from N(θ̂, v²Σ); 0 plays the estimate.", Min: 0),
            new("lambda", 1, "Prior precision λ: every arm's weights start as N(0, I / λ).", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, dimension) => new LogisticThompsonPolicy(d, p, dimension));
}
