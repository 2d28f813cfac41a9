using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Orleans.Bandits.Policies.Contextual;
using Orleans.Bandits.Policies.Tests.Mutants;
using Xunit.Abstractions;

namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// The propensities of contextual posterior sampling are the Gaussian race of the arms' scores for the
/// context, computed per call: exact with two available arms, within 1/128 with more.
/// </summary>
public sealed class ContextualPropensityTests(ITestOutputHelper output)
{
    private const int Dimension = 2;
    private static readonly double[] Context = [1.0, 0.5];

    [Theory]
    [InlineData("lin-thompson", 2, 1.0, new bool[0])]
    [InlineData("lin-thompson", 4, 1.0, new bool[0])]
    [InlineData("lin-thompson", 4, 2.0, new[] { true })]
    [InlineData("lin-thompson", 4, 1.0, new[] { false, true, true })]
    [InlineData("logistic-thompson", 3, 1.0, new bool[0])]
    [InlineData("logistic-thompson", 3, 0.5, new[] { false, false, true })]
    public void Reported_propensities_are_the_probabilities_of_play(string name, int arms, double exploration, bool[] excluded)
    {
        var (policy, snapshot) = Trained(name, arms);
        var available = Enumerable.Range(0, arms).Count(arm => !(arm < excluded.Length && excluded[arm]));
        var ruleError = available > 2 ? 1.0 / (2 * GaussianRace.Nodes) : 0;
        PropensityVerdict.Judge(policy, snapshot, Context, excluded, exploration, double.PositiveInfinity, ruleError, seed: 61).AssertHolds(output);
    }

    [Fact]
    public void Propensities_guessed_as_uniform_fail_the_same_check()
    {
        var (policy, snapshot) = Trained("lin-thompson", 4);
        PropensityVerdict.Judge(new UniformPropensityPolicy(policy), snapshot, Context, [], 1.0, double.PositiveInfinity, 1.0 / (2 * GaussianRace.Nodes), seed: 61).AssertBroken(output);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.4, 0.45, 0.3 }, new[] { 0.3, 0.3, 0.5, 0.2 })]
    [InlineData(new[] { 0.0, 0.1, -0.2 }, new[] { 1.0, 0.001, 2.0 })]
    [InlineData(new[] { 0.3, 0.0, 0.0, 0.0, 0.0 }, new[] { 0.05, 1.0, 1.0, 1.0, 1.0 })]
    public void The_quantile_rule_is_within_its_bound_of_the_integral(double[] means, double[] deviations)
    {
        // The exact race by adaptive Gauss–Kronrod on the chosen arm's score t: ∫ φₐ(t) Πⱼ Φⱼ(t) dt, to 1e-10.
        for (var arm = 0; arm < means.Length; arm++)
        {
            var chosen = arm;
            double Integrand(double t) => Normal.PDF(means[chosen], deviations[chosen], t)
                * Enumerable.Range(0, means.Length).Where(j => j != chosen).Aggregate(1.0, (product, j) => product * Normal.CDF(means[j], deviations[j], t));
            var exact = Integrate.GaussKronrod(Integrand, means[arm] - (12 * deviations[arm]), means[arm] + (12 * deviations[arm]), 1e-10);

            var rule = GaussianRace.WinProbability(means, deviations, [], arm);
            output.WriteLine($"arm {arm}: exact {exact:F6}, rule {rule:F6}, error {Math.Abs(rule - exact):E1}");
            Assert.InRange(rule, Math.Max(GaussianRace.Floor, exact - GaussianRace.Floor), exact + GaussianRace.Floor);
        }
    }

    [Fact]
    public void A_zero_context_leaves_no_spread_and_the_choice_a_tie()
    {
        var (policy, snapshot) = Trained("lin-thompson", 4);
        Assert.Equal(0.25, policy.Select(snapshot, [0, 0], [], 1.0, new Random(1))!.Value.Propensity);
    }

    /// <summary>
    /// Arm a learns 8·(a + 1) events with contexts spread over the unit square and rewards around its own
    /// level (0.5, 0.4, 0.45, 0.3 for the first four; 1/0 by a seeded coin for the logistic policy), so at
    /// the test's context the arms' scores differ in both mean and spread and none wins almost always.
    /// </summary>
    private static (IBanditPolicy Policy, PolicySnapshot Snapshot) Trained(string name, int arms)
    {
        double[] levels = [0.5, 0.4, 0.45, 0.3];
        var policy = PolicyCatalogue.Create(name, (IReadOnlyDictionary<string, double[]>?)null, Dimension);
        var state = policy.CreateState(arms);
        var random = new Random(7);
        var events = new List<TrainingEvent>();
        for (var arm = 0; arm < arms; arm++)
        {
            for (var n = 0; n < 8 * (arm + 1); n++)
            {
                double[] context = [random.NextDouble(), random.NextDouble()];
                var reward = name == "logistic-thompson"
                    ? (random.NextDouble() < levels[arm] ? 1 : 0)
                    : levels[arm] * (context[0] + context[1]) + (0.1 * (random.NextDouble() - 0.5));
                events.Add(new TrainingEvent(arm, reward, Context: context));
            }
        }

        policy.Train(state, [.. events]);
        return (policy, policy.CreateSnapshot(state));
    }
}
