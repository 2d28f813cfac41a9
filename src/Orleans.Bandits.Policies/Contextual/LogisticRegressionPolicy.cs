namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// The binary-reward contextual policies' model (logistic Thompson sampling, GLM-UCB): each arm keeps
/// its own Bayesian logistic regression on the context (<see cref="LogisticArm"/>), and is scored in
/// logit space. The logistic function is increasing, so the arm with the highest logit score is also
/// the one with the highest success probability under it. Rewards are in [0, 1]: 1 success, 0 failure,
/// a fraction a soft label.
/// </summary>
/// <remarks>
/// Layout: arm = [count, θ (d), Σ (d(d + 1)/2, packed lower triangle)], the Laplace posterior N(θ, Σ);
/// shared = []. Snapshot arm = [count, θ (d), the policy's matrix (packed)].
/// </remarks>
public abstract class LogisticRegressionPolicy : RegressionPolicy
{
    private protected LogisticRegressionPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension, IRegressionExploration exploration)
        : base(descriptor, parameters, contextDimension, exploration)
    {
    }

    protected sealed override double[] NewArm() => LogisticArm.New(ContextDimension, Lambda);

    protected sealed override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        LogisticArm.Learn(state.Arms[trainingEvent.Arm], ContextDimension, trainingEvent.Context, trainingEvent.Reward);

    /// <summary>The arm keeps θ itself, so the snapshot copies count and θ.</summary>
    private protected sealed override double[] SnapshotWithEstimate(double[] arm)
    {
        var snapshot = new double[arm.Length];
        arm.AsSpan(0, RidgeArm.MatrixOffset(ContextDimension)).CopyTo(snapshot);
        return snapshot;
    }
}
