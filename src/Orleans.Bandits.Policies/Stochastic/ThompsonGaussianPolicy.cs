namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Thompson sampling for real-valued rewards whose mean and variance are both unknown: a
/// Normal–Gamma prior on (mean, precision) per arm, updated conjugately. A draw samples a
/// precision τ ~ Gamma(αₙ, rate βₙ) and then a mean θ ~ N(μₙ, 1 / (κₙτ)), so θ follows the
/// Student-t marginal with 2αₙ degrees of freedom and learned noise.
/// Exploration scale s multiplies the draw's deviation from μₙ; s = 0 plays the posterior mean.
/// The prior is proper, so an arm with no data is drawn from the prior: the defaults suit rewards
/// of order one; for rewards on another scale set mu0 near them and beta0 to their expected variance.
/// Propensity: estimated from posterior draws once per snapshot (<see cref="WinProbabilityTables"/>).
/// </summary>
/// <remarks>
/// Layout: arm = [count, sample mean, M2] (Welford: M2 = Σ (x − mean)²; the prior is applied only
/// when the snapshot is built). Snapshot arm = [μₙ, κₙ, αₙ, βₙ] (the posterior).
/// </remarks>
public sealed class ThompsonGaussianPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "thompson-gaussian",
        "Thompson sampling with Normal–Gamma posteriors (unknown mean and variance) for real-valued rewards. " + WinProbabilityTables.CatalogueNote("posterior draws"),
        Contextual: false,
        RewardRange.AnyFinite,
        [
            new("mu0", 0, "Prior mean of the reward (μ₀)."),
            new("kappa0", 0.01, "Prior pseudo-observations behind mu0 (κ₀); small is weak.", Min: 0, MinExclusive: true),
            new("alpha0", 1, "Gamma shape of the prior on the noise precision (α₀).", Min: 0, MinExclusive: true),
            new("beta0", 1, "Gamma rate of the prior on the noise precision (β₀); β₀/α₀ is the prior guess of the noise variance.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, _) => new ThompsonGaussianPolicy(d, p));

    private readonly double _mu0 = parameters["mu0"];
    private readonly double _kappa0 = parameters["kappa0"];
    private readonly double _alpha0 = parameters["alpha0"];
    private readonly double _beta0 = parameters["beta0"];

    protected override double[] NewArm() => [0, 0, 0];

    protected override bool ScoresAreDrawn => true;

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        // Welford's update: a running sum of squares would cancel catastrophically for large rewards.
        var stats = state.Arms[trainingEvent.Arm];
        stats[0] += 1;
        var delta = trainingEvent.Reward - stats[1];
        stats[1] += delta / stats[0];
        stats[2] += delta * (trainingEvent.Reward - stats[1]);
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var stats = state.Arms[arm];
            double count = stats[0], mean = stats[1], m2 = stats[2];
            var kappa = _kappa0 + count;
            var shift = mean - _mu0;
            arms[arm] =
            [
                ((_kappa0 * _mu0) + (count * mean)) / kappa,
                kappa,
                _alpha0 + (count / 2),
                _beta0 + (m2 / 2) + (_kappa0 * count * shift * shift / (2 * kappa)),
            ];
        }

        return new PolicySnapshot(arms, []);
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var posterior = snapshot.Arms[arm];
        double mean = posterior[0], kappa = posterior[1], alpha = posterior[2], beta = posterior[3];
        if (exploration <= 0)
        {
            return mean;
        }

        var precision = Distributions.GammaShapeRate(random, alpha, beta);
        return mean + (exploration * Distributions.StandardNormal(random) / Math.Sqrt(kappa * precision));
    }
}
