namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Uniform random choice among the available arms: the baseline every other policy must beat.
/// It still keeps per-arm counts and sums so that exploration 0 can play the best empirical mean.
/// </summary>
/// <remarks>Layout: arm = [count, reward sum].</remarks>
public sealed class RandomPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : BanditPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "random",
        "Uniform random choice: the baseline.",
        Contextual: false,
        RewardRange.AnyFinite,
        [],
        OperationalDefaults.Stochastic,
        HasPosterior: false,
        (d, p, _) => new RandomPolicy(d, p));

    protected override double[] NewArm() => RewardTally.New();

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var available = CountAvailable(snapshot.ArmCount, excluded);
        if (available == 0)
        {
            return null;
        }

        if (exploration <= 0)
        {
            return GreedySelection.ByMean(snapshot, excluded, random);
        }

        var pick = random.Next(available);
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm) && pick-- == 0)
            {
                return new Selection(arm, 1.0 / available);
            }
        }

        throw new InvalidOperationException("Unreachable: an available arm was counted but not found.");
    }

    /// <summary>Uniform while exploring; at exploration 0 the choice is greedy and only its own probability is known.</summary>
    public override double? ProbabilityOf(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, int arm) =>
        exploration <= 0 ? null
        : IsExcluded(excluded, arm) ? 0
        : 1.0 / CountAvailable(snapshot.ArmCount, excluded);
}
