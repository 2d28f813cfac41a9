namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// MOSS, "minimax optimal strategy in the stochastic case" (Audibert and Bubeck 2009): play the arm
/// with the highest mean + √(max(0, ln(T / (K n))) / n), T the horizon, K the arms and n the arm's
/// events. Where UCB1's bonus keeps growing with ln t, MOSS's vanishes once an arm has T / K events,
/// which removes UCB1's extra √(ln T) from the worst case: regret ≤ 49√(KT) for rewards in [0, 1]
/// (the paper's Theorem 5), the minimax rate up to the constant. K is the current arm count, so an
/// arm added at runtime re-tunes every bonus. Arms never played score +∞, so each is tried once
/// first. Exploration scale s multiplies the bonus; s = 0 plays the best mean.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum]. Snapshot arm = [count, mean, √(max(0, ln(T / K) − ln n) / n)].
/// Once more than T events have been learned the horizon is spent and the bonus stays as T set it.
/// </remarks>
public sealed class MossPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : MeanPlusBonusPolicy(descriptor, parameters)
{
    public static PolicyDescriptor Entry { get; } = new(
        "moss",
        "MOSS: mean + √(max(0, ln(T / (K n))) / n) for rewards in [0, 1]; minimax-optimal √(KT) regret for a known horizon T.",
        Contextual: false,
        RewardRange.Unit,
        [
            new("horizon", 100_000, "Rounds T the bonus is tuned for: an arm's bonus reaches 0 once it has T / K events.", Min: 1),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new MossPolicy(d, p));

    private readonly double _horizon = parameters["horizon"];

    protected override double[] NewArm() => RewardTally.New();

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    /// <summary>T / K: the base then hands ln(T / K) to <see cref="Bonus"/>, or 0 when T ≤ K (no arm then earns a bonus).</summary>
    protected override double Horizon(PolicyState state) => _horizon / state.ArmCount;

    protected override double Bonus(double[] stats, double logHorizon)
    {
        var count = stats[RewardTally.CountIndex];
        return Math.Sqrt(Math.Max(0, logHorizon - Math.Log(count)) / count);
    }
}
