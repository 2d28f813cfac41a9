namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// An index policy whose statistics are a <see cref="RewardTally"/> per arm, and whose snapshot is built arm by arm
/// from each tally (plus, optionally, policy-wide values).
/// </summary>
public abstract class TallyIndexPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public sealed override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            arms[arm] = SnapshotOf(state.Arms[arm]);
        }

        return new PolicySnapshot(arms, SharedSnapshot(state));
    }

    protected sealed override double[] NewArm() => RewardTally.New();

    protected sealed override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    /// <summary>What selection needs of one arm, from its tally.</summary>
    protected abstract double[] SnapshotOf(double[] tally);

    /// <summary>Policy-wide values selection needs; none by default.</summary>
    protected virtual double[] SharedSnapshot(PolicyState state) => [];
}
