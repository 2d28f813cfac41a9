namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// What the binary-reward contextual policies (logistic Thompson sampling, GLM-UCB) share: each arm
/// keeps its own Bayesian logistic regression on the context (<see cref="LogisticArm"/>), and is scored
/// in logit space, θᵢ·x plus an exploration term along x. The logistic function is increasing, so the
/// arm with the highest logit score is also the one with the highest success probability under it.
/// s = 0 plays the best estimate θᵢ·x. Rewards are in [0, 1]: 1 success, 0 failure, a fraction a soft label.
/// </summary>
/// <remarks>
/// Layout: arm = [count, θ (d), Σ (d(d + 1)/2, packed lower triangle)], the Laplace posterior N(θ, Σ);
/// shared = []. Snapshot arm = [count, θ (d), the policy's matrix (packed)].
/// </remarks>
public abstract class LogisticRegressionPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : IndexPolicy(descriptor, parameters, contextDimension)
{
    private readonly double _lambda = parameters["lambda"];

    protected sealed override double[] NewArm() => LogisticArm.New(ContextDimension, _lambda);

    protected sealed override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        LogisticArm.Learn(state.Arms[trainingEvent.Arm], ContextDimension, trainingEvent.Context, trainingEvent.Reward);

    public sealed override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var dimension = ContextDimension;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var source = state.Arms[arm];
            var snapshot = new double[source.Length];
            source.AsSpan(0, RidgeArm.MatrixOffset(dimension)).CopyTo(snapshot);
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

    /// <summary>Fills the snapshot's matrix block from the arm's posterior covariance Σ.</summary>
    protected abstract void WriteSnapshotMatrix(ReadOnlySpan<double> covariance, Span<double> target);

    /// <summary>The logit score at exploration scale s &gt; 0, from the estimate θᵢ·x and the snapshot's matrix.</summary>
    protected abstract double Explore(double estimate, ReadOnlySpan<double> matrix, ReadOnlySpan<double> context, double exploration, Random random);
}
