namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// KL-UCB (Garivier and Cappé 2011) for rewards in [0, 1]: the index of an arm with n events and
/// mean p is the largest q with n · KL(p, q) ≤ ln t + c · ln ln t, KL the Bernoulli divergence and t
/// the events learned over all arms. It matches the Lai–Robbins lower bound for Bernoulli arms.
/// c defaults to 0: the paper proves its finite-time bound with c = 3 but recommends c = 0 in
/// practice, where the extra c · ln ln t only adds regret at any horizon a deployment reaches.
/// Arms never played score +∞. Exploration scale s multiplies the right-hand side; s = 0 plays the
/// best mean.
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum]. Snapshot arm = [count, mean, index at s = 1]; snapshot shared =
/// [ln t + c · ln ln t]. t and n are fixed within a snapshot, so the index for the configured
/// exploration is solved once there; other scales solve it per call (a few Newton steps, no allocation).
/// </remarks>
public sealed class KlUcbPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : IndexPolicy(descriptor, parameters, 0)
{
    public static PolicyDescriptor Entry { get; } = new(
        "kl-ucb",
        "KL-UCB: Bernoulli-KL upper confidence bounds, asymptotically optimal for rewards in [0, 1].",
        Contextual: false,
        RewardRange.Unit,
        [
            new("c", 0, "Weight of the ln ln t term of the exploration budget; 3 is the value the finite-time proof uses.", Min: 0),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new KlUcbPolicy(d, p));

    /// <summary>
    /// Newton steps for the index: 10 bring it within about 2e-12 of the exact root for means in [0, 1)
    /// and budgets from 1e-9 to 30 (the unit tests check a grid against a long bisection), far below any
    /// gap that matters.
    /// </summary>
    private const int NewtonSteps = 10;

    /// <summary>A Newton step this small relative to u means quadratic convergence has finished (typically after 3 to 6 steps).</summary>
    private const double ConvergedChange = 1e-13;

    private readonly double _c = parameters["c"];

    protected override double[] NewArm() => RewardTally.New();

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent) =>
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var budget = Budget(RewardTally.TotalCount(state.Arms));
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var stats = state.Arms[arm];
            double count = stats[RewardTally.CountIndex], sum = stats[RewardTally.SumIndex];
            if (count <= 0)
            {
                arms[arm] = [0, 0, 0];
                continue;
            }

            var mean = Math.Clamp(sum / count, 0, 1);
            arms[arm] = [count, mean, UpperBound(mean, budget / count)];
        }

        return new PolicySnapshot(arms, [budget]);
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var stats = snapshot.Arms[arm];
        double count = stats[0], mean = stats[1];
        if (count <= 0)
        {
            return double.PositiveInfinity;
        }

        return exploration == 1 ? stats[2] : UpperBound(mean, exploration * snapshot.Shared[0] / count);
    }

    /// <summary>The right-hand side ln t + c · ln ln t; the ln ln t term is dropped while it is negative (t ≤ e).</summary>
    internal double Budget(double total)
    {
        if (total <= 1)
        {
            return 0;
        }

        var logTotal = Math.Log(total);
        return logTotal + (logTotal > 1 ? _c * Math.Log(logTotal) : 0);
    }

    /// <summary>
    /// The largest q in [mean, 1] with KL(mean, q) ≤ <paramref name="divergence"/>, by at most
    /// <see cref="NewtonSteps"/> Newton steps on u = −ln(1 − q). In u the constraint g(u) = KL(mean, q) − divergence is convex
    /// and increasing for q above the mean and grows only linearly as q → 1 (in q it blows up there,
    /// which stalls Newton), so Newton started to the right of the root descends monotonically onto
    /// it: every iterate is an upper bound, as a UCB index must be. The start is the smaller of two
    /// upper bounds: KL ≥ (1 − mean) · u − H(mean) (drop −mean · ln q ≥ 0) and Pinsker, KL ≥ 2 (q − mean)².
    /// </summary>
    internal static double UpperBound(double mean, double divergence)
    {
        if (!(divergence > 0) || mean >= 1)
        {
            return mean;
        }

        var entropy = -(XLogX(mean) + XLogX(1 - mean));
        var u = (divergence + entropy) / (1 - mean);
        var pinsker = mean + Math.Sqrt(divergence / 2);
        if (pinsker < 1)
        {
            u = Math.Min(u, -double.LogP1(-pinsker));
        }

        for (var step = 0; step < NewtonSteps; step++)
        {
            var q = -double.ExpM1(-u);
            if (!(q > mean))
            {
                break;
            }

            var excess = (mean > 0 ? -mean * Math.Log(q) : 0) + ((1 - mean) * u) - entropy - divergence;
            var change = excess * q / (q - mean);
            u -= change;
            if (change <= ConvergedChange * u)
            {
                break;
            }
        }

        return -double.ExpM1(-u);
    }

    /// <summary>x · ln x with 0 · ln 0 = 0.</summary>
    private static double XLogX(double x) => x > 0 ? x * Math.Log(x) : 0;
}
