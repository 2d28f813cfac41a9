namespace Orleans.Bandits.Policies.Tests.Mutants;

/// <summary>
/// The base of every mutant: the wrapped policy's state, validation and training, untouched, under a
/// selection rule of the mutant's own. A mutant therefore differs from the policy it wraps in the one
/// place a regret test must notice, and it learns (and is validated) exactly as the real one does.
/// </summary>
internal abstract class MutatedSelection(IBanditPolicy inner) : IBanditPolicy
{
    /// <summary>The policy whose learning the mutant keeps.</summary>
    protected IBanditPolicy Inner { get; } = inner;

    public PolicyDescriptor Descriptor => Inner.Descriptor;

    public PolicyParameters Parameters => Inner.Parameters;

    public int ContextDimension => Inner.ContextDimension;

    public PolicyState CreateState(int armCount) => Inner.CreateState(armCount);

    public void AddArm(PolicyState state) => Inner.AddArm(state);

    public void Validate(in TrainingEvent trainingEvent) => Inner.Validate(trainingEvent);

    public void Train(PolicyState state, ReadOnlySpan<TrainingEvent> batch) => Inner.Train(state, batch);

    public PolicySnapshot CreateSnapshot(PolicyState state) => Inner.CreateSnapshot(state);

    public abstract Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random);
}
