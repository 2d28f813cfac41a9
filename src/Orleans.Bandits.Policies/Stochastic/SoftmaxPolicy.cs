namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Boltzmann exploration: arm i is played with probability ∝ exp(meanᵢ / temperature) over the
/// available arms, the temperature in reward units. Arms never played count as best (mean +∞), so
/// they are tried first, uniformly. Exploration scale s multiplies the temperature; s = 0 plays the
/// best mean, ties uniformly. The returned propensity is the exact probability of the chosen arm.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum]. Snapshot arm = [mean] (+∞ when never played). Weights are
/// exp((meanᵢ − max mean) / temperature): subtracting the maximum keeps every weight in (0, 1], so
/// nothing overflows, and the best arm's weight is exactly 1.
/// </remarks>
public sealed class SoftmaxPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : BanditPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "softmax",
        "Boltzmann (softmax) exploration over empirical means; returns the exact propensity.",
        Contextual: false,
        RewardRange.AnyFinite,
        [
            new("temperature", 0.1, "Softmax temperature in reward units; lower is greedier.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new SoftmaxPolicy(d, p));

    private readonly double _temperature = parameters["temperature"];

    protected override double[] NewArm() => RewardTally.New();

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    public override PolicySnapshot CreateSnapshot(PolicyState state) => new(RewardTally.MeanArms(state.Arms), []);

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var available = false;
        var best = double.NegativeInfinity;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                available = true;
                best = Math.Max(best, snapshot.Arms[arm][0]);
            }
        }

        if (!available)
        {
            return null;
        }

        var temperature = exploration > 0 ? _temperature * exploration : 0;
        var total = 0.0;
        var last = -1;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                var weight = Weight(snapshot.Arms[arm][0], best, temperature);
                total += weight;
                if (weight > 0)
                {
                    last = arm;
                }
            }
        }

        // The second pass recomputes the same weights, so the propensity is exactly weight / total.
        var target = random.NextDouble() * total;
        var cumulative = 0.0;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            var weight = Weight(snapshot.Arms[arm][0], best, temperature);
            cumulative += weight;
            if (weight > 0 && (target < cumulative || arm == last))
            {
                return new Selection(arm, weight / total);
            }
        }

        throw new InvalidOperationException("Unreachable: the best arm always has weight 1.");
    }

    /// <summary>
    /// exp((mean − best) / temperature), with the best arms at exactly 1 and the others at 0 when the
    /// temperature is 0 or the best is +∞ (an unplayed arm), where the formula would give NaN.
    /// </summary>
    private static double Weight(double mean, double best, double temperature) =>
        mean == best ? 1 : temperature > 0 && double.IsFinite(best) ? Math.Exp((mean - best) / temperature) : 0;
}
