namespace Orleans.Bandits.Policies.NonStationary;

/// <summary>
/// SW-UCB (Garivier and Moulines 2011): UCB on the last W events only. An arm's index is its mean
/// reward within the window plus c·√(ln min(t, W) / N), N its plays within the window and t the
/// events learned; this is their B·√(ξ ln(t ∧ τ) / N) with B = 1 (rewards in [0, 1]) and c = √ξ.
/// Arms not played within the window score +∞, so an arm that fell out of favour is retried once
/// its evidence has aged out. Exploration scale s multiplies the bonus; s = 0 plays the best mean
/// within the window.
/// </summary>
/// <remarks>
/// Layout: arm = [N, reward sum] within the window; shared = [events learned t, ring of W slots of
/// (arm, reward)], event t (0-based) in slots 1 + 2·(t mod W) and 2 + 2·(t mod W), arm −1 marking an
/// empty slot. An event leaves the window when its slot is overwritten. Snapshot arm = [N, mean, bonus].
/// </remarks>
public sealed class SlidingWindowUcbPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : MeanPlusBonusPolicy(descriptor, parameters)
{
    public static PolicyDescriptor Entry { get; } = new(
        "sliding-window-ucb",
        "SW-UCB: upper confidence bounds over the last W events, for rewards in [0, 1] that change.",
        Contextual: false,
        RewardRange.Unit,
        [
            WindowParameter.Describe(1_000, "Events W the estimates are built from (all arms together); a whole number. Garivier and Moulines tune τ = 2√(T ln T / Υ) for T rounds with Υ changes: about 700 for 10⁵ rounds and 10 changes."),
            new("c", Math.Sqrt(0.6), "Bonus constant c = √ξ; their analysis needs ξ > 1/2 (default ξ = 0.6).", Min: 0),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new SlidingWindowUcbPolicy(d, p));

    private readonly int _window = WindowParameter.Read(parameters);
    private readonly double _c = parameters["c"];

    protected override double[] NewArm() => RewardTally.New();

    protected override double[] NewShared(int armCount)
    {
        var shared = new double[1 + (2 * _window)];
        for (var slot = 0; slot < _window; slot++)
        {
            shared[1 + (2 * slot)] = -1;
        }

        return shared;
    }

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        var events = (long)state.Shared[0];
        var slot = 1 + (2 * (int)(events % _window));
        var evicted = (int)state.Shared[slot];
        if (evicted >= 0)
        {
            var old = state.Arms[evicted];
            old[0] -= 1;

            // Adding and later subtracting the same rewards can leave rounding dust; an arm with no
            // plays left in the window has a sum of exactly zero.
            old[1] = old[0] > 0 ? old[1] - state.Shared[slot + 1] : 0;
        }

        state.Shared[slot] = trainingEvent.Arm;
        state.Shared[slot + 1] = trainingEvent.Reward;
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);
        state.Shared[0] = events + 1;
    }

    /// <summary>min(t, W): an event older than the window no longer counts, so neither does its round.</summary>
    protected override double Horizon(PolicyState state) => Math.Min(state.Shared[0], _window);

    protected override double Bonus(double[] stats, double logHorizon) => _c * Math.Sqrt(logHorizon / stats[RewardTally.CountIndex]);
}
