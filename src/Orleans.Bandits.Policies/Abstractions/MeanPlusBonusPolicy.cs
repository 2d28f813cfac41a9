namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// An index policy whose index is mean + s · bonus (UCB1, UCB1-Tuned, SW-UCB), s the exploration
/// scale. Arms never played score +∞, so each is tried once first; s = 0 plays the best mean. The
/// bonus depends only on the arm's statistics and the horizon, both fixed within a snapshot, so it is
/// computed once there and selection is a multiply-add.
/// </summary>
/// <remarks>
/// State arms begin with the <see cref="RewardTally"/> layout [count, reward sum]. Snapshot arm =
/// [count, mean, bonus], or [0, 0, 0] for an arm never played.
/// </remarks>
public abstract class MeanPlusBonusPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public sealed override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var horizon = Horizon(state);
        var logHorizon = horizon > 1 ? Math.Log(horizon) : 0;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var stats = state.Arms[arm];
            var count = stats[RewardTally.CountIndex];
            arms[arm] = count > 0 ? [count, stats[RewardTally.SumIndex] / count, Bonus(stats, logHorizon)] : [0, 0, 0];
        }

        return new PolicySnapshot(arms, []);
    }

    protected sealed override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var stats = snapshot.Arms[arm];
        return stats[0] > 0 ? stats[1] + (exploration * stats[2]) : double.PositiveInfinity;
    }

    /// <summary>The t of the bonus's ln t: the events learned over all arms, unless the policy forgets.</summary>
    protected virtual double Horizon(PolicyState state) => RewardTally.TotalCount(state.Arms);

    /// <summary>The bonus of an arm played at least once; <paramref name="logHorizon"/> is ln t, or 0 while t ≤ 1.</summary>
    protected abstract double Bonus(double[] stats, double logHorizon);
}
