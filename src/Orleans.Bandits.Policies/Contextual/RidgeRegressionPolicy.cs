namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// The linear policies' model (LinUCB, linear Thompson sampling): each arm keeps its own ridge
/// regression of reward on context (<see cref="RidgeArm"/>), with estimate θᵢ = Aᵢ⁻¹bᵢ and the
/// Gaussian N(θᵢ, Aᵢ⁻¹) around it.
/// </summary>
/// <remarks>
/// Layout: arm = [count, b (d), A⁻¹ (d(d + 1)/2, packed lower triangle)], A = λI + Σ x xᵀ and
/// b = Σ r x over the arm's events; shared = []. Snapshot arm = [count, θ = A⁻¹b (d), the policy's
/// matrix (packed)].
/// </remarks>
public abstract class RidgeRegressionPolicy : RegressionPolicy
{
    private protected RidgeRegressionPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension, IRegressionExploration exploration)
        : base(descriptor, parameters, contextDimension, exploration)
    {
    }

    protected sealed override double[] NewArm() => RidgeArm.New(ContextDimension, Lambda);

    protected sealed override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RidgeArm.Learn(state.Arms[trainingEvent.Arm], ContextDimension, trainingEvent.Context, trainingEvent.Reward);

    private protected sealed override double[] SnapshotWithEstimate(double[] arm) => RidgeArm.SnapshotWithEstimate(arm, ContextDimension);
}
