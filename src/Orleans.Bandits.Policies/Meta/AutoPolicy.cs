namespace Orleans.Bandits.Policies.Meta;

/// <summary>
/// <c>auto</c>: a meta-policy that runs several catalogue learners side by side and shifts traffic to
/// the ones that earn most, so the user need not know which suits the problem (qbrix's <c>auto</c>).
/// Traffic is shifted by EXP4 (Auer, Cesa-Bianchi, Freund and Schapire 2002; the loss form of
/// Lattimore and Szepesvári 2020, Theorem 18.1): each learner l is an expert whose advice is its
/// distribution πₗ over the arms, learner weights q = softmax(ln w), and the arm is drawn from the
/// mixture P(a) = Σₗ qₗ πₗ(a). That is EXP3 over the learners with the right importance weight: the
/// learner that would have played the observed arm with probability πₗ(a) is charged the estimated
/// loss πₗ(a)·(1 − r) / P(a), unbiased for its expected loss, ln wₗ −= η·πₗ(a)(1 − r)/P(a). The regret
/// against the best learner's advice is at most √(2 T K ln M) for M learners with
/// η = √(2 ln M / (T K)) (the default, re-tuned when arms are added). The identity of the learner that
/// "made" a selection is never needed, so feedback carries only the arm and its propensity.
/// Every learner trains on every event, whoever's advice it followed.
/// <para>
/// Advice: each learner's π is the share of its choices among N = <c>samples</c> selections from its own
/// snapshot, drawn with a generator seeded by the events learned, so the snapshot and the trainer compute
/// the same advice from the same state. It is exact for deterministic learners (UCB1, KL-UCB, MOSS,
/// greedy ties aside) and a 1/√N-accurate estimate of a sampler's probability matching (Thompson, FPL),
/// for which no closed form exists.
/// </para>
/// <para>
/// Propensity: auto draws the arm from the mixture P it computed, so the propensity it reports is exact,
/// P(a) restricted to the available arms (and to the exploration temperature). The loss estimate uses the
/// propensity logged with the event when there is one (right for what was actually played, even from a
/// stale replica), else P(a) from the current weights and advice.
/// </para>
/// Exploration scale s is a temperature on the mixture: P(a)^(1/s), renormalized; s = 0 plays the arm
/// the mixture favours most (ties at random). If every available arm has probability 0, auto plays one
/// uniformly among them.
/// </summary>
/// <remarks>
/// Layout: arm = [π₀(a), …, π_{M−1}(a) (the advice in force for the batch being learned), learner 0's arm
/// statistics, learner 1's, …]; shared = [ln w₀, …, ln w_{M−1}, events learned, 1 if the advice is
/// current else 0, learner 0's shared values, learner 1's, …]. The advice is computed once per batch, by the
/// snapshot or by the batch's first event, whichever comes first, from the state the snapshot is built from. Snapshot arm = [P(a)]; snapshot shared =
/// [q₀, …, q_{M−1}] (each learner's traffic share).
/// </remarks>
public sealed class AutoPolicy : BanditPolicy
{
    /// <summary>
    /// The learners auto can run, with their codes in the <c>learners</c> parameter. Each one learns an
    /// event by touching only the played arm's statistics and its shared values, whatever the arm count.
    /// </summary>
    public static IReadOnlyList<(int Code, string Name)> Menu { get; } =
    [
        (1, "thompson-beta"),
        (2, "ucb1"),
        (4, "epsilon-greedy"),
        (8, "kl-ucb"),
        (16, "moss"),
        (32, "fpl"),
        (64, "discounted-thompson"),
    ];

    public static PolicyDescriptor Entry { get; } = new(
        "auto",
        "Automatic choice among learners (default Thompson-Beta, UCB1, ε-greedy): all learn every event, traffic shifts to the best by EXP4 over their advice; exact propensities; rewards in [0, 1].",
        Contextual: false,
        RewardRange.Unit,
        [
            new("learners", 7, "Sum of the codes of the learners to run: 1 thompson-beta, 2 ucb1, 4 epsilon-greedy, 8 kl-ucb, 16 moss, 32 fpl, 64 discounted-thompson (each with its defaults; moss gets this horizon). 7 runs the first three.", Min: 1, Max: 127),
            new("horizon", 100_000, "Rounds T the default learning rate is tuned for.", Min: 1),
            new("eta", 0, "Learning rate η of the learner weights; 0 = √(2 ln M / (T K)) from the horizon, the learners M and the current arms K.", Min: 0),
            new("samples", 64, "Selections N drawn from each learner's snapshot to estimate its advice (a whole number from 1 to 4096).", Min: 1, Max: 4096),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: false,
        (d, p, _) => new AutoPolicy(d, p));

    private const int EventsOffset = 0;
    private const int FreshOffset = 1;

    private readonly IBanditPolicy[] _learners;
    private readonly int[] _armOffsets;
    private readonly int[] _armLengths;
    private readonly int[] _sharedOffsets;
    private readonly int[] _sharedLengths;
    private readonly double _horizon;
    private readonly double _eta;
    private readonly int _samples;

    public AutoPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
        : base(descriptor, parameters, 0)
    {
        var code = parameters["learners"];
        if (code != Math.Floor(code))
        {
            throw new PolicyValidationException("policy.params.learners", $"Parameter 'learners' must be a whole number, a sum of learner codes (got {code}).");
        }

        var samples = parameters["samples"];
        if (samples != Math.Floor(samples))
        {
            throw new PolicyValidationException("policy.params.samples", $"Parameter 'samples' must be a whole number (got {samples}).");
        }

        _horizon = parameters["horizon"];
        _eta = parameters["eta"];
        _samples = (int)samples;
        _learners = [.. Menu.Where(entry => ((int)code & entry.Code) != 0).Select(entry => CreateLearner(entry.Name, _horizon))];
        LearnerNames = [.. _learners.Select(l => l.Descriptor.Name)];

        var count = _learners.Length;
        _armOffsets = new int[count];
        _armLengths = new int[count];
        _sharedOffsets = new int[count];
        _sharedLengths = new int[count];
        int armOffset = count, sharedOffset = count + 2;
        for (var l = 0; l < count; l++)
        {
            var fresh = _learners[l].CreateState(1);
            (_armOffsets[l], _armLengths[l]) = (armOffset, fresh.Arms[0].Length);
            (_sharedOffsets[l], _sharedLengths[l]) = (sharedOffset, fresh.Shared.Length);
            armOffset += _armLengths[l];
            sharedOffset += _sharedLengths[l];
        }
    }

    /// <summary>The catalogue names of the learners run, in menu order.</summary>
    public IReadOnlyList<string> LearnerNames { get; }

    /// <summary>The learning rate of the learner weights for <paramref name="armCount"/> arms.</summary>
    public double LearningRate(int armCount)
    {
        if (_eta > 0)
        {
            return _eta;
        }

        // One arm has nothing to learn, but an arm may be added later: tune for at least two.
        var arms = Math.Max(2, armCount);
        return Math.Sqrt(2 * Math.Log(_learners.Length) / (arms * _horizon));
    }

    /// <summary>Each learner's advice for <paramref name="state"/>: <c>[learner][arm]</c>, each row summing to 1.</summary>
    public double[][] Advice(PolicyState state)
    {
        var advice = new double[_learners.Length][];
        var events = (long)state.Shared[EventsOffset + _learners.Length];
        for (var l = 0; l < _learners.Length; l++)
        {
            var learner = _learners[l];
            // The advice counts choices, never propensities: a learner's own estimate of them would cost more draws than the advice.
            var snapshot = learner.CreateSnapshot(LearnerState(state, l)).WithoutEstimatedPropensities();
            var random = new SplitMixRandom(AdviceSeed(events, l));
            var shares = new double[state.ArmCount];
            for (var i = 0; i < _samples; i++)
            {
                shares[learner.Select(snapshot, [], [], 1.0, random)!.Value.Arm] += 1.0 / _samples;
            }

            advice[l] = shares;
        }

        return advice;
    }

    /// <summary>The learner weights q = softmax(ln w).</summary>
    public double[] LearnerShares(PolicyState state)
    {
        var logWeights = state.Shared.AsSpan(0, _learners.Length);
        var max = LogWeights.Max(logWeights);
        var total = LogWeights.SumRelativeTo(logWeights, max);
        var shares = new double[_learners.Length];
        for (var l = 0; l < shares.Length; l++)
        {
            shares[l] = Math.Exp(logWeights[l] - max) / total;
        }

        return shares;
    }

    public override void AddArm(PolicyState state)
    {
        var arm = new double[state.Arms[0].Length];
        for (var l = 0; l < _learners.Length; l++)
        {
            var view = LearnerState(state, l);
            _learners[l].AddArm(view);
            view.Arms[^1].CopyTo(arm, _armOffsets[l]);
            view.Shared.CopyTo(state.Shared, _sharedOffsets[l]);
        }

        state.Arms.Add(arm);
        state.Shared[FreshIndex] = 0;
    }

    public override void Validate(in TrainingEvent trainingEvent)
    {
        base.Validate(trainingEvent);
        foreach (var learner in _learners)
        {
            learner.Validate(trainingEvent);
        }
    }

    /// <summary>
    /// Computes the advice of the current learner states into the state's advice slots if they are not
    /// current (a cache of a pure function of the rest of the state, so replays agree), then mixes it.
    /// </summary>
    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        if (state.Shared[FreshIndex] == 0)
        {
            StoreAdvice(state);
        }

        var shares = LearnerShares(state);
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            arms[arm] = [MixtureProbability(shares, state.Arms[arm])];
        }

        return new PolicySnapshot(arms, shares);
    }

    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        if (exploration <= 0)
        {
            return GreedySelection.ByValue(snapshot, excluded, random, valueIndex: 0);
        }

        var total = 0.0;
        var available = 0;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                total += Weight(snapshot.Arms[arm][0], exploration);
                available++;
            }
        }

        if (available == 0)
        {
            return null;
        }

        // No available arm has any probability: play them alike rather than refuse.
        var uniform = !(total > 0);
        var target = random.NextDouble() * (uniform ? available : total);
        var last = -1;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            last = arm;
            var weight = uniform ? 1 : Weight(snapshot.Arms[arm][0], exploration);
            if (target < weight)
            {
                return new Selection(arm, uniform ? 1.0 / available : weight / total);
            }

            target -= weight;
        }

        // Rounding can leave a sliver of the total after the last arm; it belongs to that arm.
        return new Selection(last, uniform ? 1.0 / available : Weight(snapshot.Arms[last][0], exploration) / total);
    }

    protected override double[] NewArm()
    {
        var arm = new double[_learners.Length + _armLengths.Sum()];
        for (var l = 0; l < _learners.Length; l++)
        {
            _learners[l].CreateState(1).Arms[0].CopyTo(arm, _armOffsets[l]);
        }

        return arm;
    }

    protected override double[] NewShared(int armCount)
    {
        var shared = new double[_learners.Length + 2 + _sharedLengths.Sum()];
        for (var l = 0; l < _learners.Length; l++)
        {
            _learners[l].CreateState(armCount).Shared.CopyTo(shared, _sharedOffsets[l]);
        }

        return shared;
    }

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        if (state.Shared[FreshIndex] == 0)
        {
            StoreAdvice(state);
        }

        var played = state.Arms[trainingEvent.Arm];
        var count = _learners.Length;
        var propensity = trainingEvent.Propensity ?? MixtureProbability(LearnerShares(state), played);
        if (propensity > 0)
        {
            var step = LearningRate(state.ArmCount) * (1 - trainingEvent.Reward) / propensity;
            for (var l = 0; l < count; l++)
            {
                state.Shared[l] -= step * played[l];
            }
        }

        // Each learner learns the event on a one-arm view of the played arm: a menu learner's learning
        // touches only that arm and its shared values, so it needs no copy of the other arms.
        TrainingEvent[] single = [trainingEvent with { Arm = 0 }];
        for (var l = 0; l < count; l++)
        {
            var view = new PolicyState(
                [played[_armOffsets[l]..(_armOffsets[l] + _armLengths[l])]],
                state.Shared[_sharedOffsets[l]..(_sharedOffsets[l] + _sharedLengths[l])]);
            _learners[l].Train(view, single);
            view.Arms[0].CopyTo(played, _armOffsets[l]);
            view.Shared.CopyTo(state.Shared, _sharedOffsets[l]);
        }

        state.Shared[EventsIndex] += 1;
    }

    protected override void AfterBatch(PolicyState state)
    {
        LogWeights.ShiftToZeroMaximum(state.Shared.AsSpan(0, _learners.Length));
        state.Shared[FreshIndex] = 0;
    }

    private int EventsIndex => _learners.Length + EventsOffset;

    private int FreshIndex => _learners.Length + FreshOffset;

    /// <summary>A learner's own state, copied out of the combined one.</summary>
    private PolicyState LearnerState(PolicyState state, int learner)
    {
        var (offset, length) = (_armOffsets[learner], _armLengths[learner]);
        var arms = new List<double[]>(state.ArmCount);
        foreach (var arm in state.Arms)
        {
            arms.Add(arm[offset..(offset + length)]);
        }

        return new PolicyState(arms, state.Shared[_sharedOffsets[learner]..(_sharedOffsets[learner] + _sharedLengths[learner])]);
    }

    /// <summary>Writes the advice of the current learner states into the arms' advice slots: the advice the last snapshot played.</summary>
    private void StoreAdvice(PolicyState state)
    {
        var advice = Advice(state);
        for (var arm = 0; arm < state.ArmCount; arm++)
        {
            for (var l = 0; l < _learners.Length; l++)
            {
                state.Arms[arm][l] = advice[l][arm];
            }
        }

        state.Shared[FreshIndex] = 1;
    }

    /// <summary>Σₗ qₗ πₗ(a) from an arm vector whose first M values are the advice for that arm.</summary>
    private static double MixtureProbability(double[] shares, double[] arm)
    {
        var probability = 0.0;
        for (var l = 0; l < shares.Length; l++)
        {
            probability += shares[l] * arm[l];
        }

        return probability;
    }

    private static double Weight(double probability, double exploration) =>
        exploration == 1 || probability == 0 ? probability : Math.Pow(probability, 1 / exploration);

    /// <summary>A seed that depends only on the events learned and the learner, so every replay draws the same advice.</summary>
    private static ulong AdviceSeed(long events, int learner) => ((ulong)events << 8) ^ (ulong)learner;

    private static IBanditPolicy CreateLearner(string name, double horizon) => name == "moss"
        ? PolicyCatalogue.Create(name, new Dictionary<string, double> { ["horizon"] = horizon })
        : PolicyCatalogue.Create(name);
}
