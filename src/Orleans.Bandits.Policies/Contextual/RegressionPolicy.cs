namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// What the contextual policies share: each arm keeps its own regression on the context with a Gaussian
/// N(θᵢ, Σᵢ) over its weights, and is scored by its estimate θᵢ·x plus an exploration term along x. The
/// model (<see cref="RidgeRegressionPolicy"/>, <see cref="LogisticRegressionPolicy"/>) says how an arm
/// learns and where its estimate comes from; the exploration (<see cref="ConfidenceBoundExploration"/>,
/// <see cref="PosteriorSamplingExploration"/>) which matrix the snapshot caches per arm and how the term
/// is computed from it. Any model goes with any exploration. s = 0 plays the best estimate θᵢ·x.
/// </summary>
/// <remarks>
/// Layout: arm = [count, the model's vector (d), the model's matrix (d(d + 1)/2, packed lower triangle)],
/// the <see cref="RidgeArm"/> shape; shared = []. Snapshot arm = [count, θ (d), the exploration's matrix
/// (packed)].
/// </remarks>
public abstract class RegressionPolicy : IndexPolicy
{
    private readonly IRegressionExploration _exploration;

    private protected RegressionPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension, IRegressionExploration exploration)
        : base(descriptor, parameters, contextDimension)
    {
        Lambda = parameters["lambda"];
        _exploration = exploration;
    }

    /// <summary>The prior's precision λ: every arm's matrix starts at I / λ.</summary>
    private protected double Lambda { get; }

    public sealed override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var dimension = ContextDimension;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var source = state.Arms[arm];
            var snapshot = SnapshotWithEstimate(source);
            _exploration.WriteSnapshotMatrix(RidgeArm.Matrix(source, dimension), RidgeArm.Matrix(snapshot, dimension), dimension);
            arms[arm] = snapshot;
        }

        return new PolicySnapshot(arms, []);
    }

    protected sealed override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var dimension = ContextDimension;
        RidgeArm.CheckContext(context, dimension, Descriptor.Name);
        var stats = snapshot.Arms[arm];
        var estimate = RidgeArm.Dot(RidgeArm.Vector(stats, dimension), context);
        return exploration <= 0 ? estimate : _exploration.Explore(estimate, RidgeArm.Matrix(stats, dimension), context, exploration, random);
    }

    /// <summary>A snapshot vector for the arm: its count and estimate θ, the matrix block left for the exploration to fill.</summary>
    private protected abstract double[] SnapshotWithEstimate(double[] arm);
}
