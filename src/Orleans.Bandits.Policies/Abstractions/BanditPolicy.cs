namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// What every policy shares: parameters, state creation, event validation and batch training.
/// Subclasses define the per-arm layout, how one event is learned and how an arm is chosen.
/// </summary>
public abstract class BanditPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension) : IBanditPolicy
{
    public PolicyDescriptor Descriptor { get; } = descriptor;

    public PolicyParameters Parameters { get; } = parameters;

    public int ContextDimension { get; } = contextDimension;

    public PolicyState CreateState(int armCount)
    {
        if (armCount < 1)
        {
            throw new PolicyValidationException("arms", $"A policy needs at least one arm (got {armCount}).");
        }

        var arms = new List<double[]>(armCount);
        for (var i = 0; i < armCount; i++)
        {
            arms.Add(NewArm());
        }

        return new PolicyState(arms, NewShared(armCount));
    }

    public virtual void AddArm(PolicyState state) => state.Arms.Add(NewArm());

    public virtual void Validate(in TrainingEvent trainingEvent)
    {
        if (trainingEvent.Arm < 0)
        {
            throw new PolicyValidationException("arm", $"Arm index must be >= 0 (got {trainingEvent.Arm}).");
        }

        if (!Descriptor.RewardRange.Contains(trainingEvent.Reward))
        {
            throw new PolicyValidationException("reward", $"Policy '{Descriptor.Name}' accepts rewards in {Descriptor.RewardRange} (got {trainingEvent.Reward}).");
        }

        if (trainingEvent.Propensity is { } p && !(p > 0 && p <= 1))
        {
            throw new PolicyValidationException("propensity", $"Propensity must be > 0 and <= 1 (got {p}).");
        }

        if (ContextDimension > 0)
        {
            if (trainingEvent.Context is not { } context || context.Length != ContextDimension)
            {
                throw new PolicyValidationException("context", $"Policy '{Descriptor.Name}' needs a context of length {ContextDimension} (got {trainingEvent.Context?.Length ?? 0}).");
            }

            if (!context.All(double.IsFinite))
            {
                throw new PolicyValidationException("context", "Context values must be finite numbers.");
            }
        }
    }

    public void Train(PolicyState state, ReadOnlySpan<TrainingEvent> batch)
    {
        foreach (ref readonly var trainingEvent in batch)
        {
            if (trainingEvent.Arm >= state.ArmCount)
            {
                throw new PolicyValidationException("arm", $"Arm index must be < {state.ArmCount} (got {trainingEvent.Arm}).");
            }

            Learn(state, trainingEvent);
        }

        AfterBatch(state);
    }

    public virtual PolicySnapshot CreateSnapshot(PolicyState state) =>
        new(state.Arms.Select(a => (double[])a.Clone()).ToArray(), (double[])state.Shared.Clone());

    public abstract Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random);

    public virtual double? ProbabilityOf(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, int arm) => null;

    /// <summary>The statistics of an arm nothing has been learned about.</summary>
    protected abstract double[] NewArm();

    /// <summary>The policy-wide statistics of a fresh state.</summary>
    protected virtual double[] NewShared(int armCount) => [];

    /// <summary>Learns one validated event whose arm exists.</summary>
    protected abstract void Learn(PolicyState state, in TrainingEvent trainingEvent);

    /// <summary>Runs once after a batch, for policies that update per batch rather than per event.</summary>
    protected virtual void AfterBatch(PolicyState state)
    {
    }

    protected internal static bool IsExcluded(ReadOnlySpan<bool> excluded, int arm) => arm < excluded.Length && excluded[arm];

    /// <summary>Number of arms that may be chosen.</summary>
    protected static int CountAvailable(int armCount, ReadOnlySpan<bool> excluded)
    {
        var available = 0;
        for (var arm = 0; arm < armCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                available++;
            }
        }

        return available;
    }
}
