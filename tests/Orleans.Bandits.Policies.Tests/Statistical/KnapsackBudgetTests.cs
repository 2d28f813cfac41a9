using Orleans.Bandits.Policies.Knapsack;
using Orleans.Bandits.Policies.Tests.Helpers;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class KnapsackBudgetTests(ITestOutputHelper output)
{
    private const double Horizon = 10_000;

    /// <summary>A budget at which the LP optimum mixes two arms: time and budget both run out.</summary>
    private static readonly double[] MixtureBudget = [2_000];

    /// <summary>
    /// Five servers: success rates and the chance a request burns a retry. Arm 0 succeeds most but
    /// nearly always costs; arm 3 succeeds less than half the time but almost never costs, so it has
    /// the best reward per unit of budget (0.4 / 0.1 = 4).
    /// </summary>
    private static readonly double[] Rewards = [0.9, 0.8, 0.5, 0.4, 0.2];

    private static readonly double[][] OneResource = [[0.9], [0.3], [0.5], [0.1], [0.6]];

    private static readonly double[][] TwoResources = [[0.9, 0.1], [0.3, 0.6], [0.5, 0.5], [0.1, 0.8], [0.6, 0.2]];

    public static TheoryData<double[], double> Budgets => new()
    {
        { [20], Horizon },
        { [100], Horizon },
        { [500], Horizon },
        { [2_000], Horizon },
        { [300, 600], Horizon },
        { [5_000], 300 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Never_spends_beyond_any_budget_and_stops_only_when_one_more_event_might(double[] budgets, double horizon)
    {
        var costs = budgets.Length == 1 ? OneResource : TwoResources;
        for (var seed = 1; seed <= 5; seed++)
        {
            var run = PlayUntilExhausted(BwK(budgets, horizon), new KnapsackEnvironment(Rewards, costs), budgets, horizon, seed);

            // Exact: costs are 0 or 1, so the sums are whole numbers with no rounding to forgive.
            for (var j = 0; j < budgets.Length; j++)
            {
                Assert.True(run.Spent[j] <= budgets[j], $"seed {seed}: resource {j} spent {run.Spent[j]} of {budgets[j]}");
            }

            // And not needlessly early: the policy gave up only when a worst-case event (1 unit of each
            // resource, 1 round) no longer fitted.
            Assert.True(run.Rounds + 1 > horizon || run.Spent.Select((s, j) => s + 1 > budgets[j]).Any(b => b), $"seed {seed}: stopped at round {run.Rounds} with budget left");
        }
    }

    [Fact]
    public void The_linear_program_optimum_is_the_one_computed_by_hand()
    {
        // B = 500: arm 3 alone, 500 / 0.1 = 5,000 pulls (time is not binding), 0.4 · 5,000 = 2,000. The
        // dual prices (time 0, budget 4) cover every arm (μᵢ ≤ 4cᵢ) and cost 500 · 4 = 2,000: optimal.
        Assert.Equal(2_000, KnapsackLinearProgram.Optimum(Rewards, OneResource, [500], Horizon), 6);

        // B = 2,000: time and budget both bind. x₁ + x₃ = 10,000 and 0.3x₁ + 0.1x₃ = 2,000 give
        // x₁ = x₃ = 5,000 and 0.8 · 5,000 + 0.4 · 5,000 = 6,000; the dual prices (time 0.2, budget 2) are
        // tight on arms 1 and 3, cover the others and cost 0.2 · 10,000 + 2 · 2,000 = 6,000.
        Assert.Equal(6_000, KnapsackLinearProgram.Optimum(Rewards, OneResource, [2_000], Horizon), 6);

        // Two resources, B = (300, 600): arm 1 alone spends both exactly in 1,000 pulls, 0.8 · 1,000 = 800;
        // the dual prices (0.95, 0.858…) are tight on arm 1, cover the others and cost 800.
        Assert.Equal(800, KnapsackLinearProgram.Optimum(Rewards, TwoResources, [300, 600], Horizon), 6);
    }

    [Fact]
    public void Bwk_earns_the_lp_optimum_less_at_most_the_primal_dual_regret_rate() =>
        JudgeAgainstLinearProgram(BwK(MixtureBudget, Horizon)).AssertHolds(output);

    [Fact]
    public void Mutant_chasing_reward_per_unit_of_budget_alone_earns_two_thirds_of_the_optimum_and_breaks_the_bound()
    {
        // Arm 3 has the best ratio (0.4 / 0.1 = 4, what the old test's "per unit of budget" rewarded),
        // but the budget outlasts the horizon on it: T · 0.4 = 4,000 = 2/3 of the optimum.
        JudgeAgainstLinearProgram(new StuckOnArmPolicy(BwK(MixtureBudget, Horizon), arm: 3)).AssertBroken(output);
    }

    [Fact]
    public void Mutant_stuck_on_the_highest_reward_arm_earns_a_third_of_the_optimum_and_breaks_the_bound()
    {
        // Arm 0 pays most but costs 0.9 a pull: 2,000 / 0.9 pulls earn 2,000, 1/3 of the optimum (random
        // play earns about 39 %, the level the old ordering test let through).
        JudgeAgainstLinearProgram(new StuckOnArmPolicy(BwK(MixtureBudget, Horizon), arm: 0)).AssertBroken(output);
    }

    /// <summary>
    /// OPT − E[reward] against the regret of PrimalDualBwK (Badanidiyuru, Kleinberg and Slivkins 2013),
    /// Õ(√(m·OPT) + OPT·√(m/B)) for m arms. The Õ hides a logarithmic factor that is the square root of
    /// the confidence-radius constant C = ln((d + 1)·T·m) the policy itself uses (11.51 here), and a
    /// constant the paper does not give; we take the constant to be 1, so the allowance is
    /// OPT·(√(m·C / OPT) + √(m·C / B)) = 6,000 · (0.098 + 0.170) ≈ 1,606: BwK must earn at least 73.2 % of
    /// the LP optimum OPT = 6,000 (budget 2,000, T = 10,000, computed by <see cref="KnapsackLinearProgram"/>).
    /// The bound is on the expectation, so the mean over 10 fixed seeds is compared with it.
    /// Observed on these seeds: BwK earns 5,141 (85.7 %, regret 859); the mutants earn 3,990 and 1,998.
    /// A policy stuck on arm 1 would earn 0.8 · 2,000 / 0.3 = 5,333 (88.9 %), slightly more than BwK: at
    /// this budget the mixture gains less over the best single arm than BwK's wide confidence radius costs.
    /// For the same reason the rate does not separate BwK without its exploration bonus (regret 1,437) or
    /// with 20 % uniform play that never stops (1,545): both stay within 1,606, so neither is a mutant here.
    /// </summary>
    private static RegretVerdict JudgeAgainstLinearProgram(IBanditPolicy policy)
    {
        const int seeds = 10;
        var optimum = KnapsackLinearProgram.Optimum(Rewards, OneResource, MixtureBudget, Horizon);
        var earned = Enumerable.Range(1, seeds)
            .Select(seed => PlayUntilExhausted(policy, new KnapsackEnvironment(Rewards, OneResource), MixtureBudget, Horizon, seed).Reward)
            .Average();
        var constant = Math.Log((MixtureBudget.Length + 1) * Horizon * Rewards.Length);
        var allowance = optimum * (Math.Sqrt(Rewards.Length * constant / optimum) + Math.Sqrt(Rewards.Length * constant / MixtureBudget[0]));
        return new RegretVerdict([new BoundCheck($"LP optimum {optimum:F0} less reward earned", optimum - earned, allowance)]);
    }

    private static IBanditPolicy BwK(double[] budgets, double horizon) =>
        PolicyCatalogue.Create("bwk-primal-dual", new Dictionary<string, double[]> { ["budgets"] = budgets, ["horizon"] = [horizon] });

    /// <summary>
    /// Plays until the policy chooses no arm. The simulator plays a fixed number of rounds, but a
    /// knapsack run ends when its budget does. Every policy is held to the rule the knapsack policy
    /// keeps, stop when one more worst-case event might not fit, whether or not it enforces it itself.
    /// </summary>
    private static (double Reward, long Rounds, double[] Spent) PlayUntilExhausted(IBanditPolicy policy, KnapsackEnvironment environment, double[] budgets, double horizon, int seed)
    {
        var random = new Random(seed);
        var state = policy.CreateState(environment.ArmCount);
        var snapshot = policy.CreateSnapshot(state);
        var rewards = new double[environment.ArmCount];
        var spent = new double[budgets.Length];
        var batch = new TrainingEvent[1];
        double earned = 0;
        long round = 0;
        while (true)
        {
            var fits = round + 1 <= horizon && spent.Select((s, j) => s + 1 <= budgets[j]).All(f => f);
            environment.BeginRound(round, random, [], rewards);
            var selection = policy.Select(snapshot, [], [], 1, random);
            if (policy is BwkPrimalDualPolicy)
            {
                // It chooses exactly while one more worst-case event fits: never beyond, never stopping early.
                Assert.Equal(fits, selection is not null);
            }

            if (!fits || selection is null)
            {
                return (earned, round, spent);
            }

            var arm = selection.Value.Arm;
            var costs = new double[budgets.Length];
            environment.DrawCosts(arm, random, costs);
            for (var j = 0; j < costs.Length; j++)
            {
                spent[j] += costs[j];
            }

            earned += rewards[arm];
            batch[0] = new TrainingEvent(arm, rewards[arm], selection.Value.Propensity, Costs: costs);
            policy.Train(state, batch);
            snapshot = policy.CreateSnapshot(state);
            round++;
        }
    }
}
