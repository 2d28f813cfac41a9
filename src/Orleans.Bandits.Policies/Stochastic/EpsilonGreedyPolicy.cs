namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// ε-greedy: with probability ε a uniformly random available arm, otherwise the best empirical
/// mean (arms never played count as best, so each is tried once; tied best arms share the greedy
/// mass equally). ε decays with the events learned, ε_t = ε / (1 + decay · t). Exploration scale s
/// uses min(1, ε_t · s); s = 0 is greedy. The returned propensity is the exact probability of the
/// chosen arm: ε/|available| plus (1 − ε)/|tied best| when it is one of the best.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum]. Snapshot arm = [mean] (+∞ when never played); snapshot
/// shared = [ε_t], computed once per snapshot since t is fixed within it.
/// </remarks>
public sealed class EpsilonGreedyPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : BanditPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "epsilon-greedy",
        "ε-greedy: a random arm with probability ε, else the best mean; returns the exact propensity.",
        Contextual: false,
        RewardRange.AnyFinite,
        [
            new("epsilon", 0.1, "Probability of playing a uniformly random arm.", Min: 0, Max: 1),
            new("decay", 0, "ε_t = ε / (1 + decay · t), t the events learned; 0 keeps ε constant.", Min: 0),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new EpsilonGreedyPolicy(d, p));

    private readonly double _epsilon = parameters["epsilon"];
    private readonly double _decay = parameters["decay"];

    protected override double[] NewArm() => RewardTally.New();

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    public override PolicySnapshot CreateSnapshot(PolicyState state) =>
        new(RewardTally.MeanArms(state.Arms), [_epsilon / (1 + (_decay * RewardTally.TotalCount(state.Arms)))]);

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var available = 0;
        var greedy = 0;
        var best = double.NegativeInfinity;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            var mean = snapshot.Arms[arm][0];
            if (available++ == 0 || mean > best)
            {
                best = mean;
                greedy = 1;
            }
            else if (mean == best)
            {
                greedy++;
            }
        }

        if (available == 0)
        {
            return null;
        }

        var epsilon = exploration > 0 ? Math.Min(1, snapshot.Shared[0] * exploration) : 0;
        var explore = epsilon > 0 && random.NextDouble() < epsilon;
        var pick = random.Next(explore ? available : greedy);
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            var isBest = snapshot.Arms[arm][0] == best;
            if ((explore || isBest) && pick-- == 0)
            {
                return new Selection(arm, (epsilon / available) + (isBest ? (1 - epsilon) / greedy : 0));
            }
        }

        throw new InvalidOperationException("Unreachable: a counted arm was not found.");
    }

    public override double? ProbabilityOf(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, int arm)
    {
        if (IsExcluded(excluded, arm))
        {
            return 0;
        }

        var available = 0;
        var greedy = 0;
        var best = double.NegativeInfinity;
        for (var other = 0; other < snapshot.ArmCount; other++)
        {
            if (IsExcluded(excluded, other))
            {
                continue;
            }

            var mean = snapshot.Arms[other][0];
            if (available++ == 0 || mean > best)
            {
                best = mean;
                greedy = 1;
            }
            else if (mean == best)
            {
                greedy++;
            }
        }

        var epsilon = exploration > 0 ? Math.Min(1, snapshot.Shared[0] * exploration) : 0;
        return (epsilon / available) + (snapshot.Arms[arm][0] == best ? (1 - epsilon) / greedy : 0);
    }
}
