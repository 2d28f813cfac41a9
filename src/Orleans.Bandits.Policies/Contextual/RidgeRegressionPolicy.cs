namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// What the linear policies (LinUCB, linear Thompson sampling) share: each arm keeps its own ridge
/// regression of reward on context (<see cref="RidgeArm"/>) and is scored by its estimate θᵢ·x plus
/// an exploration term along x. They differ only in the matrix the snapshot caches per arm and in
/// how that term is computed from it. s = 0 plays the best estimate θᵢ·x.
/// </summary>
/// <remarks>
/// Layout: arm = [count, b (d), A⁻¹ (d(d + 1)/2, packed lower triangle)], A = λI + Σ x xᵀ and
/// b = Σ r x over the arm's events; shared = []. Snapshot arm = [count, θ = A⁻¹b (d), the policy's
/// matrix (packed)].
/// </remarks>
public abstract class RidgeRegressionPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : IndexPolicy(descriptor, parameters, contextDimension)
{
    private readonly double _lambda = parameters["lambda"];

    protected sealed override double[] NewArm() => RidgeArm.New(ContextDimension, _lambda);

    protected sealed override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RidgeArm.Learn(state.Arms[trainingEvent.Arm], ContextDimension, trainingEvent.Context, trainingEvent.Reward);

    public sealed override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var dimension = ContextDimension;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var source = state.Arms[arm];
            var snapshot = RidgeArm.SnapshotWithEstimate(source, dimension);
            WriteSnapshotMatrix(RidgeArm.Matrix(source, dimension), RidgeArm.Matrix(snapshot, dimension));
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
        return exploration <= 0 ? estimate : Explore(estimate, RidgeArm.Matrix(stats, dimension), context, exploration, random);
    }

    /// <summary>Fills the snapshot's matrix block from the arm's A⁻¹.</summary>
    protected abstract void WriteSnapshotMatrix(ReadOnlySpan<double> inverse, Span<double> target);

    /// <summary>The score at exploration scale s &gt; 0, from the estimate θᵢ·x and the snapshot's matrix.</summary>
    protected abstract double Explore(double estimate, ReadOnlySpan<double> matrix, ReadOnlySpan<double> context, double exploration, Random random);
}
