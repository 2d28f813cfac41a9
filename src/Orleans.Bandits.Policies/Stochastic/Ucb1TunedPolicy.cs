namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// UCB1-Tuned (Auer, Cesa-Bianchi and Fischer 2002, section 4): UCB1 with the bonus scaled by the
/// arm's observed variance, mean + √((ln t / n) · min(1/4, V)) with
/// V = (1/n) Σ x² − mean² + √(2 ln t / n). 1/4 is the largest variance of a [0, 1] reward, so
/// low-variance arms get tighter bounds than UCB1's. Arms never played score +∞.
/// Exploration scale s multiplies the bonus; s = 0 plays the best mean.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum, sum of squared rewards]. Snapshot arm = [count, mean, bonus]:
/// t and n are fixed within a snapshot, so the bonus is computed once there.
/// </remarks>
public sealed class Ucb1TunedPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "ucb1-tuned",
        "UCB1-Tuned: UCB1 with a variance-aware bonus, for rewards in [0, 1].",
        Contextual: false,
        RewardRange.Unit,
        [],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new Ucb1TunedPolicy(d, p));

    /// <summary>The variance of a reward in [0, 1] is at most 1/4.</summary>
    private const double MaxUnitVariance = 0.25;

    protected override double[] NewArm() => [0, 0, 0];

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        var stats = state.Arms[trainingEvent.Arm];
        var reward = trainingEvent.Reward;
        RewardTally.Add(stats, reward);
        stats[2] += reward * reward;
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var total = RewardTally.TotalCount(state.Arms);
        var logTotal = total > 1 ? Math.Log(total) : 0;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            double count = state.Arms[arm][0], sum = state.Arms[arm][1], squares = state.Arms[arm][2];
            if (count <= 0)
            {
                arms[arm] = [0, 0, 0];
                continue;
            }

            var mean = sum / count;
            // Rewards in [0, 1] keep the sum of squares exact enough; the clamp only absorbs rounding.
            var variance = Math.Max(0, (squares / count) - (mean * mean));
            var bound = variance + Math.Sqrt(2 * logTotal / count);
            arms[arm] = [count, mean, Math.Sqrt(logTotal / count * Math.Min(MaxUnitVariance, bound))];
        }

        return new PolicySnapshot(arms, []);
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var stats = snapshot.Arms[arm];
        return stats[0] > 0 ? stats[1] + (exploration * stats[2]) : double.PositiveInfinity;
    }
}
