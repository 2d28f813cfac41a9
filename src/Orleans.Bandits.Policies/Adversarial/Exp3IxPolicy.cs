namespace Orleans.Bandits.Policies.Adversarial;

/// <summary>
/// EXP3-IX (Neu 2015, "Explore no more"): exponential weights on losses ℓ = 1 − r with the
/// implicit-exploration estimate ℓ̂ = ℓ / (p + γ) for the played arm. Adding γ to the denominator
/// biases the estimate slightly low (optimistic), which bounds its variance without mixing uniform
/// play into p, and gives regret O(√(K T ln K)) with high probability rather than only in
/// expectation. Play is p_i = w_i / Σw; after a loss w_i ← w_i·exp(−η ℓ̂).
/// p is the propensity logged at selection time and carried in the event (see <see cref="Exp3Policy"/>).
/// Defaults follow Neu's Theorem 1: η = 2γ = √(2 ln K / (K T)) for a horizon T, recomputed from the
/// current arm count so arms added at runtime keep the tuning.
/// Exploration scale s is a temperature: p_i ∝ w_i^(1/s); s = 0 plays the heaviest weight.
/// </summary>
/// <remarks>
/// Layout: see <see cref="ExponentialWeightsPolicy"/>. Snapshot arm = [ln w_i − max ln w].
/// </remarks>
public sealed class Exp3IxPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : ExponentialWeightsPolicy(descriptor, parameters)
{
    public static PolicyDescriptor Entry { get; } = new(
        "exp3-ix",
        "EXP3-IX: exponential weights with implicit exploration (Neu 2015), high-probability regret for adversarial rewards in [0, 1]; needs the logged propensity with each reward.",
        Contextual: false,
        RewardRange.Unit,
        [
            new("horizon", 100_000, "Rounds T the default learning rates are tuned for (Neu 2015, Theorem 1).", Min: 1),
            new("eta", 0, "Learning rate η; 0 = √(2 ln K / (K T)) from the horizon and the current arm count.", Min: 0),
            new("gamma", 0, "Implicit exploration γ added to the propensity in the loss estimate; 0 = η / 2.", Min: 0),
        ],
        OperationalDefaults.Adversarial,
        HasPosterior: false,
        (d, p, _) => new Exp3IxPolicy(d, p));

    private readonly double _horizon = parameters["horizon"];
    private readonly double _eta = parameters["eta"];
    private readonly double _gamma = parameters["gamma"];

    /// <summary>The learning rate for <paramref name="armCount"/> arms.</summary>
    public double LearningRate(int armCount)
    {
        if (_eta > 0)
        {
            return _eta;
        }

        // One arm has nothing to learn, but an arm may be added later: tune for at least two.
        var arms = Math.Max(2, armCount);
        return Math.Sqrt(2 * Math.Log(arms) / (arms * _horizon));
    }

    /// <summary>The implicit exploration for <paramref name="armCount"/> arms.</summary>
    public double ImplicitExploration(int armCount) => _gamma > 0 ? _gamma : LearningRate(armCount) / 2;

    /// <summary>A loss lowers the weight: ln w −= η · ℓ / (p + γ).</summary>
    protected override double LogWeightChange(double reward, double propensity, int armCount)
    {
        var loss = 1 - reward;
        var estimate = loss / (propensity + ImplicitExploration(armCount));
        return -(LearningRate(armCount) * estimate);
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var max = LogWeights.Max(state.Shared);
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            arms[arm] = [state.Shared[arm] - max];
        }

        return new PolicySnapshot(arms, []);
    }

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        if (exploration <= 0)
        {
            return GreedySelection.ByValue(snapshot, excluded, random, valueIndex: 0);
        }

        // Exponents are taken relative to the heaviest AVAILABLE arm: if the arms holding nearly all
        // the weight are excluded, the rest must not all underflow to probability 0.
        var max = double.NegativeInfinity;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                max = Math.Max(max, snapshot.Arms[arm][0]);
            }
        }

        return DrawInProportion(
            snapshot,
            excluded,
            random,
            (Max: max, Temperature: exploration),
            static (arm, p) => Math.Exp((arm[0] - p.Max) / p.Temperature));
    }
}
