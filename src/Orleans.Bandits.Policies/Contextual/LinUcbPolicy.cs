namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Disjoint LinUCB (Li, Chu, Langford and Schapire 2010): each arm keeps its own ridge regression of
/// reward on context, and the arm with the highest upper confidence bound θᵢ·x + α·√(xᵀAᵢ⁻¹x) is played.
/// The bonus is the width of the confidence ellipsoid along x, so arms whose data says little about
/// this context are tried. Exploration scale s multiplies the bonus; s = 0 plays the best estimate θᵢ·x.
/// </summary>
/// <remarks>
/// Layout: arm = [count, b (d), A⁻¹ (d(d + 1)/2, packed lower triangle)], A = λI + Σ x xᵀ and
/// b = Σ r x over the arm's events; shared = []. Snapshot arm = [count, θ = A⁻¹b (d), A⁻¹ (packed)].
/// </remarks>
public sealed class LinUcbPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : IndexPolicy(descriptor, parameters, contextDimension)
{
    private readonly double _alpha = parameters["alpha"];

    private readonly double _lambda = parameters["lambda"];

    public static PolicyDescriptor Entry { get; } = new(
        "lin-ucb",
        "Disjoint LinUCB: per-arm ridge regression on the context, played by upper confidence bound.",
        Contextual: true,
        RewardRange.AnyFinite,
        [
            new("alpha", 1, "Width of the confidence bonus α·√(xᵀA⁻¹x); 0 plays the ridge estimate.", Min: 0),
            new("lambda", 1, "Ridge regularization λ: A starts at λI, shrinking estimates of little-played arms toward 0.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, dimension) => new LinUcbPolicy(d, p, dimension));

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
            RidgeArm.Matrix(source, dimension).CopyTo(RidgeArm.Matrix(snapshot, dimension));
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
        if (exploration <= 0 || _alpha == 0)
        {
            return estimate;
        }

        // Rounding can leave the quadratic form a hair below zero for directions A⁻¹ has all but closed.
        var variance = Math.Max(0, PackedSymmetricMatrix.QuadraticForm(RidgeArm.Matrix(stats, dimension), context));
        return estimate + (_alpha * exploration * Math.Sqrt(variance));
    }
}
