namespace Orleans.Bandits.Policies.Knapsack;

/// <summary>
/// Bandits with knapsacks, PrimalDualBwK (Badanidiyuru, Kleinberg and Slivkins 2013; J. ACM 2018):
/// every event earns a reward in [0, 1] and consumes up to 1 unit of each of d resources with
/// budgets B_j, and play stops when a budget runs out. For a load balancer the resource is retries:
/// a server that succeeds often but burns retries can be worth less than a cheaper, weaker one.
/// <para>
/// The algorithm. Time is a resource too, with budget T, consumed at 1 per event. Budgets are
/// normalized to B = min(T, B_1, …, B_d) by scaling resource j's consumption by B / B_j (so time
/// costs B / T per event); every normalized consumption is still in [0, 1]. A shadow price per
/// resource, y = v / ‖v‖₁, is learned by Hedge (multiplicative weights) with ε = √(ln(d + 1) / B).
/// Each round plays the arm with the best optimistic bang per buck, UCB(reward) / (y · LCB(cost)),
/// with confidence radius rad(ν, n) = √(C ν / n) + C / n, C = ln((d + 1)·T·K) (the paper's
/// C_rad = Θ(log(d T K))); arms never played go first. After the event, as in the paper's update,
/// Hedge is fed the chosen arm's LCB consumption: v_j ← v_j·(1 + ε)^LCB_j. A resource the policy
/// keeps consuming faster than its share gets a rising price, which steers play to arms that are
/// cheap in it: the primal-dual balance.
/// </para>
/// <para>
/// Never overspend. Spending per resource is tracked in the state. Costs are at most 1 per event
/// (validated), so the worst case of any arm's next event is 1 unit of every resource; when any
/// budget minus spending is below 1 (or T events have been learned), no arm fits and
/// <see cref="Select"/> returns <c>null</c>. The check reads the learned spending, so it is exact
/// when every selection's feedback is learned before the next selection; selections served from a
/// replica while earlier feedback is in flight can each spend up to 1 unit beyond it.
/// </para>
/// Exploration scale s multiplies the confidence radius; s = 0 plays the best estimated bang per buck.
/// </summary>
/// <remarks>
/// Layout: arm = [pulls n, reward sum, cost sum_1, …, cost sum_d]; shared = [events learned,
/// spent_1, …, spent_d, ln v_time, ln v_1, …, ln v_d] (log weights shifted after each batch so the
/// largest is 0). Snapshot arm = [n, mean reward, mean normalized cost_1, …, cost_d]; snapshot
/// shared = [1 if one more worst-case event fits every budget else 0, C, y_time·B/T, y_1, …, y_d].
/// </remarks>
public sealed class BwkPrimalDualPolicy : BanditPolicy
{
    public static PolicyDescriptor Entry { get; } = new(
        "bwk-primal-dual",
        "Bandits with knapsacks (PrimalDualBwK): rewards in [0, 1] under per-resource budgets; each event reports the costs it consumed, and selection stops before any budget could be overspent.",
        Contextual: false,
        RewardRange.Unit,
        [
            new("budgets", 1_000, "Budget of each resource, one number per resource (e.g. [500, 2000]); each event consumes between 0 and 1 of each and must report it in costs.", Min: 1, IsVector: true),
            new("horizon", 100_000, "Rounds T: time is a resource as well, so no arm is chosen after T events have been learned.", Min: 1),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, _) => new BwkPrimalDualPolicy(d, p));

    private readonly double[] _budgets;
    private readonly double _horizon;
    private readonly double[] _costScale;
    private readonly double _timeCost;
    private readonly double _logStep;

    public BwkPrimalDualPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
        : base(descriptor, parameters, 0)
    {
        _budgets = parameters.Vector("budgets");
        _horizon = parameters["horizon"];
        var normalized = Math.Min(_horizon, _budgets.Min());
        _costScale = _budgets.Select(b => normalized / b).ToArray();
        _timeCost = normalized / _horizon;
        Epsilon = Math.Min(1, Math.Sqrt(Math.Log(_budgets.Length + 1) / normalized));
        _logStep = Math.Log(1 + Epsilon);
    }

    /// <summary>Number of budgeted resources d (time not counted).</summary>
    public int ResourceCount => _budgets.Length;

    /// <summary>Hedge's step ε = √(ln(d + 1) / B), capped at 1.</summary>
    public double Epsilon { get; }

    /// <summary>C in the confidence radius, for <paramref name="armCount"/> arms: ln((d + 1)·T·K), at least 1.</summary>
    public double RadiusConstant(int armCount) => Math.Max(1, Math.Log((ResourceCount + 1) * _horizon * armCount));

    /// <summary>rad(ν, n) = √(C ν / n) + C / n: tighter for estimates near 0, as costs often are.</summary>
    public static double Radius(double estimate, double count, double constant) =>
        Math.Sqrt(constant * Math.Max(estimate, 0) / count) + (constant / count);

    public override void Validate(in TrainingEvent trainingEvent)
    {
        base.Validate(trainingEvent);
        if (trainingEvent.Costs is not { } costs || costs.Length != ResourceCount)
        {
            throw new PolicyValidationException(
                "costs",
                $"Policy '{Descriptor.Name}' needs the resources each event consumed: costs must hold {ResourceCount} number(s), one per budget (got {trainingEvent.Costs?.Length ?? 0}).");
        }

        foreach (var cost in costs)
        {
            if (!(cost is >= 0 and <= 1))
            {
                throw new PolicyValidationException("costs", $"Each cost must be in [0, 1] (got {cost}): budgets are kept by assuming an event consumes at most 1 unit of each resource.");
            }
        }
    }

    protected override double[] NewArm() => new double[2 + ResourceCount];

    protected override double[] NewShared(int armCount) => new double[2 + (2 * ResourceCount)];

    protected override void Learn(PolicyState state, in TrainingEvent trainingEvent)
    {
        var stats = state.Arms[trainingEvent.Arm];
        var shared = state.Shared;
        var resources = ResourceCount;
        var count = stats[0];

        // Hedge over resources, fed the chosen arm's LCB consumption (before this event is counted,
        // as it was when the arm was chosen). Time's consumption B/T is known exactly.
        shared[1 + resources] += _logStep * _timeCost;
        var constant = RadiusConstant(state.ArmCount);
        for (var j = 0; j < resources; j++)
        {
            var lower = 0.0;
            if (count > 0)
            {
                var mean = stats[2 + j] / count * _costScale[j];
                lower = Math.Max(0, mean - Radius(mean, count, constant));
            }

            shared[2 + resources + j] += _logStep * lower;
        }

        var costs = trainingEvent.Costs!;
        stats[0] = count + 1;
        stats[1] += trainingEvent.Reward;
        for (var j = 0; j < resources; j++)
        {
            stats[2 + j] += costs[j];
            shared[1 + j] += costs[j];
        }

        shared[0] += 1;
    }

    protected override void AfterBatch(PolicyState state) => LogWeights.ShiftToZeroMaximum(state.Shared.AsSpan(1 + ResourceCount));

    /// <summary>Whether one more event, consuming in the worst case 1 unit of every resource and 1 round, stays within every budget.</summary>
    public bool CanAffordOneMore(PolicyState state)
    {
        if (state.Shared[0] + 1 > _horizon)
        {
            return false;
        }

        for (var j = 0; j < ResourceCount; j++)
        {
            if (state.Shared[1 + j] + 1 > _budgets[j])
            {
                return false;
            }
        }

        return true;
    }

    public override PolicySnapshot CreateSnapshot(PolicyState state)
    {
        var resources = ResourceCount;
        var arms = new double[state.ArmCount][];
        for (var arm = 0; arm < arms.Length; arm++)
        {
            var stats = state.Arms[arm];
            var count = stats[0];
            var view = new double[2 + resources];
            view[0] = count;
            if (count > 0)
            {
                view[1] = stats[1] / count;
                for (var j = 0; j < resources; j++)
                {
                    view[2 + j] = stats[2 + j] / count * _costScale[j];
                }
            }

            arms[arm] = view;
        }

        var logPrices = state.Shared.AsSpan(1 + resources);
        var max = LogWeights.Max(logPrices);
        var total = LogWeights.SumRelativeTo(logPrices, max);

        var shared = new double[3 + resources];
        shared[0] = CanAffordOneMore(state) ? 1 : 0;
        shared[1] = RadiusConstant(state.ArmCount);
        shared[2] = Math.Exp(logPrices[0] - max) / total * _timeCost;
        for (var j = 0; j < resources; j++)
        {
            shared[3 + j] = Math.Exp(logPrices[1 + j] - max) / total;
        }

        return new PolicySnapshot(arms, shared);
    }

    /// <summary>Chooses the best optimistic bang per buck, or <c>null</c> when every arm is excluded or no budget can pay for one more event.</summary>
    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        if (snapshot.Shared[0] == 0)
        {
            return null;
        }

        var best = new BestArm();
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!IsExcluded(excluded, arm))
            {
                best.Offer(arm, BangPerBuck(snapshot, arm, Math.Max(0, exploration)), random);
            }
        }

        return best.DeterministicChoice();
    }

    private static double BangPerBuck(PolicySnapshot snapshot, int arm, double exploration)
    {
        var stats = snapshot.Arms[arm];
        var count = stats[0];
        if (count == 0)
        {
            return double.PositiveInfinity;
        }

        var shared = snapshot.Shared;
        var constant = shared[1];
        var upper = Math.Min(1, stats[1] + (exploration * Radius(stats[1], count, constant)));
        var cost = shared[2];
        for (var j = 2; j < stats.Length; j++)
        {
            var lower = Math.Max(0, stats[j] - (exploration * Radius(stats[j], count, constant)));
            cost += shared[1 + j] * lower;
        }

        // Time always costs something unless its price underflowed; a free arm then wins if it pays.
        return cost > 0 ? upper / cost : upper > 0 ? double.PositiveInfinity : 0;
    }
}
