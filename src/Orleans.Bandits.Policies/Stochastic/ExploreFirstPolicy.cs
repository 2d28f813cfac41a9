namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Explore-then-commit: for the first <c>discovery</c> events learned it plays the arm whose
/// Beta(1 + successes, 1 + failures) posterior is widest (largest variance, so the least-known
/// arm; fractional rewards count fractionally), then it is greedy on the empirical mean, arms never
/// played first. Exploration scale s stretches the discovery phase to discovery · s events; s = 0
/// is greedy from the start.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum]. Snapshot arm = [mean (+∞ when never played), posterior
/// variance]; snapshot shared = [events learned].
/// </remarks>
public sealed class ExploreFirstPolicy : TallyIndexPolicy
{
    public static PolicyDescriptor Entry { get; } = new(
        "explore-first",
        "Explore-then-commit: play the least-known arm for the first events, then the best mean.",
        Contextual: false,
        RewardRange.Unit,
        [
            new("discovery", 50, "Events learned before committing to the best mean (a whole number).", Min: 0),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new ExploreFirstPolicy(d, p));

    private readonly double _discovery;

    private ExploreFirstPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
        : base(descriptor, parameters)
    {
        _discovery = parameters["discovery"];
        if (_discovery != Math.Floor(_discovery))
        {
            throw new PolicyValidationException("policy.params.discovery", $"Parameter 'discovery' must be a whole number of events (got {_discovery}).");
        }
    }

    protected override double[] SnapshotOf(double[] tally)
    {
        double count = tally[RewardTally.CountIndex], sum = tally[RewardTally.SumIndex];
        double alpha = 1 + sum, beta = 1 + count - sum, shape = alpha + beta;
        return [RewardTally.MeanOrUntried(tally), alpha * beta / (shape * shape * (shape + 1))];
    }

    protected override double[] SharedSnapshot(PolicyState state) => [RewardTally.TotalCount(state.Arms)];

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var discovering = snapshot.Shared[0] < _discovery * Math.Max(0, exploration);
        return snapshot.Arms[arm][discovering ? 1 : 0];
    }
}
