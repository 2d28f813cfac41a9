namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Thompson sampling for categorical rewards (multinomial Thompson sampling, Riou and Honda 2020):
/// every reward is one of m declared values v₁ … v_m (a rating scale, say 0, 0.5, 1), and each arm's
/// distribution over them has a Dirichlet(α₁, …, α_m) posterior: the prior plus the count of each
/// value. A selection draws category probabilities w ~ Dirichlet(α) per arm and plays the largest
/// expected reward Σ wⱼ vⱼ. Unlike the Beta sampler's coin flip for a fractional reward, this keeps the
/// whole shape of the distribution, and it is asymptotically optimal for rewards on a known finite
/// support (regret → Σ Δᵢ / K_inf(νᵢ, μ*) · ln T, the Burnetas–Katehakis bound). The draw is m
/// Gamma(αⱼ) variables normalized by their sum, so it allocates nothing.
/// Exploration scale s divides every αⱼ by s², which keeps the posterior mean and multiplies its
/// variance by about s²; s = 0 plays the posterior mean. Propensity: the probability that an arm's draw
/// is the largest has no closed form, so it is estimated from posterior draws once per snapshot
/// (<see cref="WinProbabilityTables"/>).
/// </summary>
/// <remarks>Layout: arm = [α₁, …, α_m] (prior plus counts, in the order of the values parameter); shared = [].</remarks>
public sealed class DirichletThompsonPolicy : IndexPolicy
{
    public static PolicyDescriptor Entry { get; } = new(
        "dirichlet-thompson",
        "Thompson sampling with Dirichlet posteriors for categorical rewards: each reward must be one of the declared values (e.g. ratings 0, 0.5, 1). " + WinProbabilityTables.CatalogueNote("posterior draws"),
        Contextual: false,
        RewardRange.AnyFinite,
        [
            new("values", 3, "The reward values the categories stand for: a list of at least two different numbers (e.g. [0, 0.2, 1]), or a single whole number m ≥ 2 for the m evenly spaced values 0, 1/(m − 1), …, 1 (the default 3 is [0, 0.5, 1]). Every reward must be one of them.", IsVector: true),
            new("prior", 1, "Prior count of every category (Dirichlet α); 1 is uniform over the category probabilities.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, _) => new DirichletThompsonPolicy(d, p));

    private readonly double[] _values;
    private readonly double _prior;

    public DirichletThompsonPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
        : base(descriptor, parameters, 0)
    {
        _values = ResolveValues(parameters.Vector("values"));
        _prior = parameters["prior"];
    }

    protected override bool ScoresAreDrawn => true;

    /// <summary>The declared reward values, in category order.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <exception cref="PolicyValidationException">The reward is not one of the declared values.</exception>
    public override void Validate(in TrainingEvent trainingEvent)
    {
        base.Validate(trainingEvent);
        if (Category(trainingEvent.Reward) < 0)
        {
            throw new PolicyValidationException("reward", $"Policy '{Descriptor.Name}' accepts only the declared values [{string.Join(", ", _values)}] (got {trainingEvent.Reward}).");
        }
    }

    protected override double[] NewArm()
    {
        var arm = new double[_values.Length];
        Array.Fill(arm, _prior);
        return arm;
    }

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        state.Arms[trainingEvent.Arm][Category(trainingEvent.Reward)] += 1;

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var alphas = snapshot.Arms[arm];
        var weighted = 0.0;
        var total = 0.0;
        if (exploration <= 0)
        {
            for (var j = 0; j < alphas.Length; j++)
            {
                weighted += alphas[j] * _values[j];
                total += alphas[j];
            }

            return weighted / total;
        }

        var shrink = exploration * exploration;
        for (var j = 0; j < alphas.Length; j++)
        {
            var draw = Distributions.GammaShapeRate(random, alphas[j] / shrink, 1);
            weighted += draw * _values[j];
            total += draw;
        }

        // Every Gamma draw underflowing to 0 (tiny shapes at a large scale) leaves no proportions: use the mean.
        return total > 0 ? weighted / total : Score(snapshot, arm, context, 0, random);
    }

    private int Category(double reward) => Array.IndexOf(_values, reward);

    /// <summary>The category values a <c>values</c> parameter stands for: the list itself, or m evenly spaced values in [0, 1].</summary>
    /// <exception cref="PolicyValidationException">A single number that is not a whole m ≥ 2, or a list with repeats.</exception>
    private static double[] ResolveValues(double[] given)
    {
        const string field = "policy.params.values";
        if (given.Length == 1)
        {
            var levels = given[0];
            if (levels < 2 || levels > 1_000 || levels != Math.Floor(levels))
            {
                throw new PolicyValidationException(field, $"A single number in 'values' is a count of evenly spaced values in [0, 1] and must be a whole number between 2 and 1000 (got {levels}); give two or more numbers to list the values.");
            }

            var count = (int)levels;
            return [.. Enumerable.Range(0, count).Select(j => (double)j / (count - 1))];
        }

        if (given.Distinct().Count() != given.Length)
        {
            throw new PolicyValidationException(field, $"The values of the categories must all be different (got [{string.Join(", ", given)}]).");
        }

        return given;
    }
}
