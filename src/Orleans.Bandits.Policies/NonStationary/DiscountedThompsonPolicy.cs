namespace Orleans.Bandits.Policies.NonStationary;

/// <summary>
/// Discounted Thompson sampling (Raj and Kalyani 2017): with every event learned, every arm's
/// success and failure counts are multiplied by γ, then the played arm adds r and 1 − r. The
/// posterior is Beta(1 + S, 1 + F) of these discounted counts, so an observation k events old
/// weighs γᵏ and the memory is about 1 / (1 − γ) events. γ = 1 is plain Thompson sampling.
/// Exploration scale s divides both posterior shapes by s²; s = 0 plays the posterior mean.
/// Propensity: estimated from posterior draws once per snapshot (<see cref="WinProbabilityTables"/>).
/// </summary>
/// <remarks>
/// Layout: arm = [S, F, n_i] with S and F discounted up to event n_i, the last event that touched the
/// arm; shared = [events learned n]. Discounting all K arms on every event would cost O(K) per event;
/// instead an arm is brought forward (× γ^(n − n_i)) only when it is played or a snapshot is built,
/// which gives the same counts. Snapshot arm = [1 + S·γ^(n − n_i), 1 + F·γ^(n − n_i)].
/// </remarks>
public sealed class DiscountedThompsonPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "discounted-thompson",
        "Thompson sampling with Beta posteriors of exponentially discounted counts, for success rates that drift. " + WinProbabilityTables.CatalogueNote("posterior draws"),
        Contextual: false,
        RewardRange.Unit,
        [
            new("gamma", 0.99, "Discount γ applied to every arm's counts per event; the memory is about 1 / (1 − γ) events.", Min: 0, Max: 1, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, _) => new DiscountedThompsonPolicy(d, p));

    private readonly double _gamma = parameters["gamma"];

    protected override double[] NewArm() => [0, 0, 0];

    protected override double[] NewShared(int armCount) => [0];

    protected override bool ScoresAreDrawn => true;

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        var now = state.Shared[0] + 1;
        var stats = state.Arms[trainingEvent.Arm];
        var decay = Math.Pow(_gamma, now - stats[2]);
        stats[0] = (stats[0] * decay) + trainingEvent.Reward;
        stats[1] = (stats[1] * decay) + (1 - trainingEvent.Reward);
        stats[2] = now;
        state.Shared[0] = now;
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var now = state.Shared[0];
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var stats = state.Arms[arm];
            var decay = Math.Pow(_gamma, now - stats[2]);
            arms[arm] = [1 + (stats[0] * decay), 1 + (stats[1] * decay)];
        }

        return new PolicySnapshot(arms, []);
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var shapes = snapshot.Arms[arm];
        return BetaScore.Draw(shapes[0], shapes[1], exploration, random);
    }
}
