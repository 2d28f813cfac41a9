namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Linear Thompson sampling (Agrawal and Goyal 2013) on the disjoint model: each arm keeps a ridge
/// regression, its posterior is N(θᵢ, v²Aᵢ⁻¹), and each selection draws θ̃ᵢ from it and plays the
/// arm with the highest θ̃ᵢ·x. The snapshot caches θᵢ and the Cholesky factor Lᵢ of v²Aᵢ⁻¹, so a
/// selection only draws z ~ N(0, I_d) per arm and scores (θᵢ + s·Lᵢz)·x: no factorization on the
/// select path. Exploration scale s widens the posterior's standard deviation s times; s = 0 plays θᵢ·x.
/// </summary>
/// <remarks>
/// Layout: arm = [count, b (d), A⁻¹ (d(d + 1)/2, packed lower triangle)], A = λI + Σ x xᵀ and
/// b = Σ r x over the arm's events; shared = []. Snapshot arm = [count, θ = A⁻¹b (d), L (packed
/// lower triangle) with L Lᵀ = v²A⁻¹].
/// </remarks>
public sealed class LinThompsonPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : IndexPolicy(descriptor, parameters, contextDimension)
{
    private readonly double _scale = parameters["v"];

    private readonly double _lambda = parameters["lambda"];

    public static PolicyDescriptor Entry { get; } = new(
        "lin-thompson",
        "Linear Thompson sampling: per-arm ridge regression on the context, played by posterior sampling.",
        Contextual: true,
        RewardRange.AnyFinite,
        [
            new("v", 1, "Posterior scale v: θ is drawn from N(θ̂, v²A⁻¹); 0 plays the ridge estimate.", Min: 0),
            new("lambda", 1, "Ridge regularization λ: A starts at λI, the prior precision.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, dimension) => new LinThompsonPolicy(d, p, dimension));

    protected override double[] NewArm() => RidgeArm.New(ContextDimension, _lambda);

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RidgeArm.Learn(state.Arms[trainingEvent.Arm], ContextDimension, trainingEvent.Context, trainingEvent.Reward);

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var dimension = ContextDimension;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var source = state.Arms[arm];
            var snapshot = RidgeArm.SnapshotWithEstimate(source, dimension);
            PackedSymmetricMatrix.Cholesky(RidgeArm.Matrix(source, dimension), dimension, _scale * _scale, RidgeArm.Matrix(snapshot, dimension));
            arms[arm] = snapshot;
        }

        return new PolicySnapshot(arms, []);
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var dimension = ContextDimension;
        RidgeArm.CheckContext(context, dimension, Descriptor.Name);
        var stats = snapshot.Arms[arm];
        var estimate = RidgeArm.Dot(RidgeArm.Vector(stats, dimension), context);
        if (exploration <= 0 || _scale == 0)
        {
            return estimate;
        }

        // d is at most PolicyCatalogue.MaxContextDimension (256), so z fits the stack.
        Span<double> z = stackalloc double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            z[i] = Distributions.StandardNormal(random);
        }

        return estimate + (exploration * PackedSymmetricMatrix.LowerBilinearForm(RidgeArm.Matrix(stats, dimension), context, z));
    }
}
