namespace Orleans.Bandits.Policies.NonStationary;

/// <summary>
/// Thompson sampling on the last W events only: each arm's posterior is Beta(1 + S, 1 + F) with S
/// and F its successes and failures among the last W events learned (over all arms), so after a
/// change the old evidence is gone within W events. Fractional rewards count as a success with
/// probability r (the Bernoulli trick, as in <c>thompson-beta</c>), with a replayable coin.
/// Exploration scale s divides both posterior shapes by s²; s = 0 plays the posterior mean.
/// Propensity: estimated from posterior draws once per snapshot (<see cref="WinProbabilityTables"/>).
/// </summary>
/// <remarks>
/// Layout: arm = [S, F] within the window; shared = [events learned n, ring of W slots], where event
/// n (0-based) is stored in slot n mod W as 2·arm + (1 if success else 0), and −1 marks an empty
/// slot. The event a slot held leaves the window when the slot is overwritten, so S and F stay
/// exact integers. Snapshot arm = [1 + S, 1 + F]; the ring is not copied to replicas.
/// </remarks>
public sealed class SlidingWindowThompsonPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "sliding-window-thompson",
        "Thompson sampling with Beta posteriors over the last W events, for success rates that change. " + WinProbabilityTables.CatalogueNote("posterior draws"),
        Contextual: false,
        RewardRange.Unit,
        [
            WindowParameter.Describe(100, "Events W the posterior is built from (all arms together); a whole number."),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: true,
        (d, p, _) => new SlidingWindowThompsonPolicy(d, p));

    private readonly int _window = WindowParameter.Read(parameters);

    protected override double[] NewArm() => [0, 0];

    protected override bool ScoresAreDrawn => true;

    protected override double[] NewShared(int armCount)
    {
        var shared = new double[1 + _window];
        Array.Fill(shared, -1, 1, _window);
        return shared;
    }

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        var counter = (ulong)state.Shared[0];
        var success = DeterministicCoin.IsSuccess(trainingEvent.Reward, counter);

        var slot = 1 + (int)(counter % (ulong)_window);
        var evicted = state.Shared[slot];
        if (evicted >= 0)
        {
            var code = (int)evicted;
            state.Arms[code / 2][code % 2 == 1 ? 0 : 1] -= 1;
        }

        state.Shared[slot] = (2 * trainingEvent.Arm) + (success ? 1 : 0);
        state.Arms[trainingEvent.Arm][success ? 0 : 1] += 1;
        state.Shared[0] = counter + 1;
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            arms[arm] = [1 + state.Arms[arm][0], 1 + state.Arms[arm][1]];
        }

        return new PolicySnapshot(arms, []);
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var shapes = snapshot.Arms[arm];
        return BetaScore.Draw(shapes[0], shapes[1], exploration, random);
    }
}
