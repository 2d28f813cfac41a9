namespace Orleans.Bandits.Policies.Adversarial;

/// <summary>
/// What the exponential-weights policies (EXP3, EXP3-IX) share: one log weight per arm, moved by an
/// importance-weighted estimate of the played arm's reward, which needs the propensity logged at
/// selection time with every event. Subclasses define the update and the distribution played.
/// </summary>
/// <remarks>
/// Layout: arm = [pulls, reward sum]; shared = [ln w_0, …, ln w_{K−1}]. Weights would overflow as
/// doubles, so they are kept as logarithms and shifted after each batch so that the heaviest is
/// ln 1 = 0 (a common factor does not change the distribution).
/// </remarks>
public abstract class ExponentialWeightsPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : BanditPolicy(descriptor, parameters, 0)
{
    /// <summary>
    /// Appends an arm whose weight is the mean weight. Starting it at ln 1 would leave it with no
    /// chance once the others have moved far from 1; the mean enters it as a typical arm, neither
    /// starved nor favoured.
    /// </summary>
    public sealed override void AddArm(PolicyState state)
    {
        base.AddArm(state);
        state.Shared = [.. state.Shared, LogWeights.LogMean(state.Shared)];
    }

    /// <exception cref="PolicyValidationException">The event has no propensity: importance weighting needs it.</exception>
    public sealed override void Validate(in TrainingEvent trainingEvent)
    {
        base.Validate(trainingEvent);
        if (trainingEvent.Propensity is null)
        {
            throw new PolicyValidationException(
                "propensity",
                $"Policy '{Descriptor.Name}' weights each reward by the probability its arm was chosen with: the event needs the propensity logged at selection time (it travels in the selection token).");
        }
    }

    protected sealed override double[] NewArm() => RewardTally.New();

    protected sealed override double[] NewShared(int armCount) => new double[armCount];

    protected sealed override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);
        state.Shared[trainingEvent.Arm] += LogWeightChange(trainingEvent.Reward, trainingEvent.Propensity!.Value, state.ArmCount);
    }

    protected sealed override void AfterBatch(PolicyState state) => LogWeights.ShiftToZeroMaximum(state.Shared);

    /// <summary>How much the played arm's log weight moves for <paramref name="reward"/>, chosen with <paramref name="propensity"/> among <paramref name="armCount"/> arms.</summary>
    protected abstract double LogWeightChange(double reward, double propensity, int armCount);

    /// <summary>
    /// Draws an available arm with probability weight / Σ available weights and returns that exact
    /// probability as the propensity; <c>null</c> when every arm is excluded. <paramref name="weight"/>
    /// reads an arm's weight from its snapshot vector and <paramref name="parameters"/>; pass a static
    /// lambda (as with <see cref="string.Create{TState}"/>) so that nothing is allocated per call.
    /// </summary>
    protected static Selection? DrawInProportion<TParameters>(
        PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, Random random, TParameters parameters, Func<double[], TParameters, double> weight)
    {
        var total = 0.0;
        var available = 0;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                total += weight(snapshot.Arms[arm], parameters);
                available++;
            }
        }

        if (available == 0)
        {
            return null;
        }

        var target = random.NextDouble() * total;
        var last = -1;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            last = arm;
            var armWeight = weight(snapshot.Arms[arm], parameters);
            if (target < armWeight)
            {
                return new Selection(arm, armWeight / total);
            }

            target -= armWeight;
        }

        // Rounding can leave a sliver of the total after the last arm; it belongs to that arm.
        return new Selection(last, weight(snapshot.Arms[last], parameters) / total);
    }
}
