namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// Bernoulli arms whose means switch once: <see cref="Before"/> until <see cref="ChangeRound"/>,
/// <see cref="After"/> from it on. The piecewise-stationary world that sliding-window and
/// discounted policies are built for: a learner that never forgets keeps trusting the old leader.
/// </summary>
public sealed class AbruptChangeEnvironment : IBanditEnvironment
{
    private IReadOnlyList<double> _current;

    public AbruptChangeEnvironment(IReadOnlyList<double> before, IReadOnlyList<double> after, long changeRound)
    {
        Before = Validate(before, nameof(before));
        After = Validate(after, nameof(after));
        if (Before.Count != After.Count)
        {
            throw new ArgumentException($"Both phases need the same arms ({Before.Count} before, {After.Count} after).", nameof(after));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(changeRound);
        ChangeRound = changeRound;
        _current = Before;
    }

    public IReadOnlyList<double> Before { get; }

    public IReadOnlyList<double> After { get; }

    /// <summary>The first round played with <see cref="After"/>.</summary>
    public long ChangeRound { get; }

    public string Name => "abrupt-change";

    public int ArmCount => Before.Count;

    public int ContextDimension => 0;

    public int ResourceCount => 0;

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        _current = round < ChangeRound ? Before : After;
        for (var arm = 0; arm < _current.Count; arm++)
        {
            rewards[arm] = random.NextDouble() < _current[arm] ? 1 : 0;
        }
    }

    public double ExpectedReward(int arm) => _current[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }

    private static double[] Validate(IReadOnlyList<double> means, string name)
    {
        if (means.Count == 0 || means.Any(m => !(m is >= 0 and <= 1)))
        {
            throw new ArgumentException("Bernoulli means must be a non-empty list of probabilities in [0, 1].", name);
        }

        return means.ToArray();
    }
}
