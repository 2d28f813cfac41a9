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
/// Layout: see <see cref="ExponentialWeightsPolicy"/> (weights only grow here). Snapshot arm = [p_i, w_i / Σw].
/// </remarks>
public sealed class Exp3Policy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : ExponentialWeightsPolicy(descriptor, parameters)
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

    /// <summary>ln w += γ · r̂ / K with the importance-weighted estimate r̂ = r / p.</summary>
    protected override double LogWeightChange(double reward, double propensity, int armCount)
    {
        var estimate = reward / propensity;
        return _gamma * estimate / armCount;
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var count = state.ArmCount;
        var logWeights = state.Shared;
        var max = LogWeights.Max(logWeights);
        var total = LogWeights.SumRelativeTo(logWeights, max);
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
            return GreedySelection.ByValue(snapshot, excluded, random, valueIndex: 1);
        }

        // p restricted to the available arms: each is drawn with p_i / Σ_available p_j.
        var gamma = Math.Min(1, _gamma * exploration);
        return DrawInProportion(
            snapshot,
            excluded,
            random,
            (Exploration: exploration, Gamma: gamma, Uniform: gamma / snapshot.ArmCount),
            static (arm, p) => Probability(arm, p.Exploration, p.Gamma, p.Uniform));
    }

    /// <summary>At s = 1 the snapshot's p is used as computed; otherwise p is rebuilt from the weight share.</summary>
    private static double Probability(double[] arm, double exploration, double gamma, double uniform) =>
        exploration == 1 ? arm[0] : ((1 - gamma) * arm[1]) + uniform;
}
