namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// UCB1 (Auer, Cesa-Bianchi and Fischer 2002): play the arm with the highest mean + c·√(ln t / n),
/// t the events learned over all arms and n those of the arm. c = √2 is the paper's √(2 ln t / n).
/// Arms never played score +∞, so each is tried once first. Exploration scale s multiplies the
/// bonus; s = 0 plays the best mean.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum]. Snapshot arm = [count, mean, c·√(ln t / count)]: t and n are
/// fixed within a snapshot, so the bonus is computed once there and selection is a multiply-add.
/// </remarks>
public sealed class Ucb1Policy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : MeanPlusBonusPolicy(descriptor, parameters)
{
    public static PolicyDescriptor Entry { get; } = new(
        "ucb1",
        "UCB1 upper confidence bounds: mean + c·√(ln t / n), for rewards in [0, 1].",
        Contextual: false,
        RewardRange.Unit,
        [
            new("c", Math.Sqrt(2), "Exploration constant; √2 is UCB1 as analysed by Auer et al. (2002).", Min: 0),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new Ucb1Policy(d, p));

    private readonly double _c = parameters["c"];

    protected override double[] NewArm() => RewardTally.New();

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    protected override double Bonus(double[] stats, double logHorizon) => _c * Math.Sqrt(logHorizon / stats[RewardTally.CountIndex]);
}
