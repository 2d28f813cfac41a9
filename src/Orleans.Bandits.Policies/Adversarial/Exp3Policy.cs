namespace Orleans.Bandits.Policies.Adversarial;

/// <summary>
/// EXP3 (Auer, Cesa-Bianchi, Freund and Schapire 2002) for rewards in [0, 1] chosen by an
/// adversary: play arm i with p_i = (1 − γ)·w_i / Σw + γ/K, and after observing reward r on the
/// played arm multiply its weight by exp(γ·r̂/K), where r̂ = r / p is the importance-weighted
/// estimate. p is the propensity logged at selection time and carried in the event: the
/// estimate is unbiased only for the distribution the arm was actually drawn from, which on a
/// distributed platform (stale replica, exclusions, a per-call exploration scale) is not the one
/// the writer would compute now. Events without a propensity are therefore refused.
/// Exploration scale s mixes in γ·s (capped at 1) instead of γ; s = 0 plays the heaviest weight.
/// </summary>
/// <remarks>
/// Layout: arm = [pulls, reward sum]; shared = [ln w_0, …, ln w_{K−1}]. Weights only grow and would
/// overflow as doubles, so they are kept as logarithms and shifted after each batch so that the
/// heaviest is ln 1 = 0 (a common factor does not change p). Snapshot arm = [p_i, w_i / Σw].
/// </remarks>
public sealed class Exp3Policy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : BanditPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "exp3",
        "EXP3 exponential weights for adversarial rewards in [0, 1]; needs the logged propensity with each reward.",
        Contextual: false,
        RewardRange.Unit,
        [
            new("gamma", 0.1, "Share of uniform exploration γ, also the learning rate γ/K. Auer et al. (2002) Corollary 3.2: γ = min(1, √(K ln K / ((e − 1) g))) for a best-arm total of at most g.", Min: 0, Max: 1, MinExclusive: true),
        ],
        OperationalDefaults.Adversarial,
        HasPosterior: false,
        (d, p, _) => new Exp3Policy(d, p));

    private readonly double _gamma = parameters["gamma"];

    public override void AddArm(PolicyState state)
    {
        base.AddArm(state);
        state.Shared = [.. state.Shared, ExponentialWeights.LogMeanWeight(state.Shared)];
    }

    public override void Validate(in TrainingEvent trainingEvent)
    {
        base.Validate(trainingEvent);
        ExponentialWeights.RequirePropensity(Descriptor.Name, trainingEvent);
    }

    protected override double[] NewArm() => RewardTally.New();

    protected override double[] NewShared(int armCount) => new double[armCount];

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);
        var estimate = trainingEvent.Reward / trainingEvent.Propensity!.Value;
        state.Shared[trainingEvent.Arm] += _gamma * estimate / state.ArmCount;
    }

    protected override void AfterBatch(PolicyState state) => ExponentialWeights.ShiftToZeroMaximum(state.Shared);

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var count = state.ArmCount;
        var logWeights = state.Shared;
        var max = double.NegativeInfinity;
        for (var arm = 0; arm < count; arm++)
        {
            max = Math.Max(max, logWeights[arm]);
        }

        var total = 0.0;
        for (var arm = 0; arm < count; arm++)
        {
            total += Math.Exp(logWeights[arm] - max);
        }

        var arms = new double[count][];
        for (var arm = 0; arm < count; arm++)
        {
            var share = Math.Exp(logWeights[arm] - max) / total;
            arms[arm] = [((1 - _gamma) * share) + (_gamma / count), share];
        }

        return new PolicySnapshot(arms, []);
    }

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        if (exploration <= 0)
        {
            return ExponentialWeights.Heaviest(snapshot, excluded, random, weightIndex: 1);
        }

        // At s = 1 the snapshot's p is used as computed; otherwise p is rebuilt from the weight share.
        var gamma = Math.Min(1, _gamma * exploration);
        var uniform = gamma / snapshot.ArmCount;
        var total = 0.0;
        var available = 0;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                total += Probability(snapshot.Arms[arm], exploration, gamma, uniform);
                available++;
            }
        }

        if (available == 0)
        {
            return null;
        }

        // Sampling from p restricted to the available arms: each has p_i / Σ_available p_j, which
        // is the exact propensity returned.
        var target = random.NextDouble() * total;
        var last = -1;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            last = arm;
            var probability = Probability(snapshot.Arms[arm], exploration, gamma, uniform);
            if (target < probability)
            {
                return new Selection(arm, probability / total);
            }

            target -= probability;
        }

        // Rounding can leave a sliver of the total after the last arm; it belongs to that arm.
        return new Selection(last, Probability(snapshot.Arms[last], exploration, gamma, uniform) / total);
    }

    private static double Probability(double[] arm, double exploration, double gamma, double uniform) =>
        exploration == 1 ? arm[0] : ((1 - gamma) * arm[1]) + uniform;
}
