namespace Orleans.Bandits.Policies.Batched;

/// <summary>
/// BaSE, batched successive elimination (Gao, Han, Ren and Zhou 2019, "Batched multi-armed bandits
/// problem"), for rewards in [0, 1]. The horizon T is cut by a fixed grid t₁ &lt; … &lt; t_M = T into M
/// batches; the policy only changes at batch ends, so it loses nothing to batched or delayed feedback
/// inside a batch, which is what a distributed deployment has.
/// <list type="bullet">
/// <item>Inside batches 1 … M − 1 every active arm is played alike: uniformly at random among the
/// active arms, the exact propensity 1 / |active available| (the paper plays them round robin; a
/// random draw gives the same expected counts from a stale replica, where a round robin would send
/// a whole refresh interval to one arm).</item>
/// <item>At the end of batch m &lt; M − 1, with τ the fewest events of any active arm, every active arm
/// whose mean trails the best active mean by at least √(γ ln(TK) / τ) is eliminated for good.</item>
/// <item>At t_{M−1} the policy commits to the active arm with the best mean for the last batch.</item>
/// </list>
/// The grid is the paper's minimax grid: t₁ = a, t_m = ⌊a √t_{m−1}⌋, a = T^(1 / (2 − 2^(1−M))), which
/// gives regret Õ(√K · T^(1 / (2 − 2^(1−M)))), within log factors of the best any M-batch policy can do.
/// γ: by Hoeffding, each active arm's mean is within half the threshold of its true mean at every
/// batch end with probability at least 1 − 2/(TK) when γ = 4 (the default), for rewards in [0, 1]; the
/// paper states the rule for unit-variance Gaussian rewards, whose constant is four times larger.
/// Exploration scale: s = 0 plays the best mean among the active arms (ties at random); any s &gt; 0
/// plays as configured, since BaSE's exploration is its elimination schedule, fixed at training.
/// Excluded arms: the draw is among active arms that are available; if every active arm is excluded,
/// the best available eliminated arm is played (greedy, propensity 1 / ties).
/// </summary>
/// <remarks>
/// Layout: arm = [count, reward sum, 1 if active else 0]; shared = [events learned t, batch index m
/// (0-based; M − 1 once committed)]. Snapshot arm = [1 if active else 0, mean (+∞ if never played)];
/// snapshot shared = [1 if committed else 0]. Arms added at runtime start active.
/// </remarks>
public sealed class BatchedSuccessiveEliminationPolicy : BanditPolicy
{
    public static PolicyDescriptor Entry { get; } = new(
        "base",
        "BaSE, batched successive elimination (Gao et al. 2019): arms are played alike and eliminated only at the ends of M fixed batches over the horizon T, then the best is played; rewards in [0, 1].",
        Contextual: false,
        RewardRange.Unit,
        [
            new("horizon", 100_000, "Rounds T the batch grid spans.", Min: 2),
            new("batches", 4, "Number of batches M (a whole number from 2 to 20): the policy changes only M − 1 times.", Min: 2, Max: 20),
            new("gamma", 4, "Elimination threshold constant γ in √(γ ln(TK) / τ); 4 keeps the best arm with probability at least 1 − 2/(TK) for rewards in [0, 1].", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: false,
        (d, p, _) => new BatchedSuccessiveEliminationPolicy(d, p));

    private const int ActiveIndex = 2;
    private const int EventsIndex = 0;
    private const int BatchIndex = 1;

    private readonly double _horizon;
    private readonly double _gamma;
    private readonly double[] _grid;

    public BatchedSuccessiveEliminationPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
        : base(descriptor, parameters, 0)
    {
        _horizon = parameters["horizon"];
        _gamma = parameters["gamma"];
        var batches = parameters["batches"];
        if (batches != Math.Floor(batches))
        {
            throw new PolicyValidationException("policy.params.batches", $"Parameter 'batches' must be a whole number (got {batches}).");
        }

        _grid = MinimaxGrid(_horizon, (int)batches);
    }

    /// <summary>The batch ends t₁ … t_M (t_M = T).</summary>
    public IReadOnlyList<double> Grid => _grid;

    /// <summary>
    /// The minimax grid: a = T^(1 / (2 − 2^(1−M))), t₁ = ⌊a⌋, t_m = ⌊a √t_{m−1}⌋, t_M = T. Each batch end
    /// is kept above the previous one so that every batch has at least one event even for tiny T.
    /// </summary>
    public static double[] MinimaxGrid(double horizon, int batches)
    {
        var a = Math.Pow(horizon, 1 / (2 - Math.Pow(2, 1 - batches)));
        var grid = new double[batches];
        grid[0] = Math.Floor(a);
        for (var m = 1; m < batches - 1; m++)
        {
            grid[m] = Math.Floor(a * Math.Sqrt(grid[m - 1]));
        }

        grid[batches - 1] = horizon;
        for (var m = 0; m < batches; m++)
        {
            grid[m] = Math.Min(horizon, Math.Max(grid[m], (m == 0 ? 0 : grid[m - 1]) + 1));
        }

        return grid;
    }

    /// <summary>The elimination threshold √(γ ln(TK) / τ) for <paramref name="armCount"/> arms and τ = <paramref name="fewestEvents"/>.</summary>
    public double Threshold(int armCount, double fewestEvents) =>
        Math.Sqrt(_gamma * Math.Log(_horizon * armCount) / fewestEvents);

    protected override double[] NewArm() => [0, 0, 1];

    protected override double[] NewShared(int armCount) => [0, 0];

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        RewardTally.Add(state.Arms[trainingEvent.Arm], trainingEvent.Reward);
        var events = state.Shared[EventsIndex] += 1;
        var last = _grid.Length - 1;
        while (state.Shared[BatchIndex] < last && events >= _grid[(int)state.Shared[BatchIndex]])
        {
            var ending = (int)state.Shared[BatchIndex];
            if (ending == last - 1)
            {
                Commit(state);
            }
            else
            {
                Eliminate(state);
            }

            state.Shared[BatchIndex] = ending + 1;
        }
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var stats = state.Arms[arm];
            arms[arm] = [stats[ActiveIndex], RewardTally.MeanOrUntried(stats)];
        }

        return new PolicySnapshot(arms, [state.Shared[BatchIndex] >= _grid.Length - 1 ? 1 : 0]);
    }

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var active = 0;
        var best = new BestArm();
        var fallback = new BestArm();
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            var stats = snapshot.Arms[arm];
            if (stats[0] > 0)
            {
                active++;
                best.Offer(arm, stats[1], random);
            }
            else
            {
                fallback.Offer(arm, stats[1], random);
            }
        }

        if (active == 0)
        {
            return fallback.Choice(propensity: 1.0 / Math.Max(1, fallback.Ties));
        }

        if (exploration <= 0 || snapshot.Shared[0] > 0)
        {
            return best.Choice(propensity: 1.0 / best.Ties);
        }

        var pick = random.Next(active);
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm) && snapshot.Arms[arm][0] > 0 && pick-- == 0)
            {
                return new Selection(arm, 1.0 / active);
            }
        }

        throw new InvalidOperationException("Unreachable: a counted arm was not found.");
    }

    /// <summary>Drops every active arm whose mean trails the best active mean by the threshold; nothing while an active arm has no events.</summary>
    private void Eliminate(PolicyState state)
    {
        var fewest = double.PositiveInfinity;
        var bestMean = double.NegativeInfinity;
        foreach (var stats in state.Arms)
        {
            if (stats[ActiveIndex] > 0)
            {
                fewest = Math.Min(fewest, stats[RewardTally.CountIndex]);
                bestMean = Math.Max(bestMean, RewardTally.MeanOrUntried(stats));
            }
        }

        if (!(fewest > 0))
        {
            return;
        }

        var threshold = Threshold(state.ArmCount, fewest);
        foreach (var stats in state.Arms)
        {
            if (stats[ActiveIndex] > 0 && bestMean - (stats[RewardTally.SumIndex] / stats[RewardTally.CountIndex]) >= threshold)
            {
                stats[ActiveIndex] = 0;
            }
        }
    }

    /// <summary>Keeps only the active arm with the best mean (the lowest index among ties, so replays agree).</summary>
    private static void Commit(PolicyState state)
    {
        var keep = -1;
        var bestMean = double.NegativeInfinity;
        for (var arm = 0; arm < state.ArmCount; arm++)
        {
            var stats = state.Arms[arm];
            if (stats[ActiveIndex] > 0 && (keep < 0 || RewardTally.MeanOrUntried(stats) > bestMean))
            {
                keep = arm;
                bestMean = RewardTally.MeanOrUntried(stats);
            }
        }

        for (var arm = 0; arm < state.ArmCount; arm++)
        {
            state.Arms[arm][ActiveIndex] = arm == keep ? 1 : 0;
        }
    }
}
