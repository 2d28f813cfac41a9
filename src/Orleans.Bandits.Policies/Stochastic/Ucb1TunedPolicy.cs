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
    : MeanPlusBonusPolicy(descriptor, parameters)
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

    protected override double Bonus(double[] stats, double logHorizon)
    {
        double count = stats[RewardTally.CountIndex], sum = stats[RewardTally.SumIndex], squares = stats[2];
        var mean = sum / count;
        // Rewards in [0, 1] keep the sum of squares exact enough; the clamp only absorbs rounding.
        var variance = Math.Max(0, (squares / count) - (mean * mean));
        var bound = variance + Math.Sqrt(2 * logHorizon / count);
        return Math.Sqrt(logHorizon / count * Math.Min(MaxUnitVariance, bound));
    }
}
