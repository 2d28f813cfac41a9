using static Orleans.Bandits.Policies.Tests.Contextual.LinearTestData;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.Contextual;

/// <summary>
/// What holds for every contextual policy, whichever its model and exploration: they all select through
/// <see cref="Orleans.Bandits.Policies.Contextual.RegressionPolicy"/>, so each test runs on each of them.
/// </summary>
public sealed class ContextualPolicyTests
{
    private const int Dimension = 4;

    private static IBanditPolicy Create(string name, int dimension = Dimension) =>
        PolicyCatalogue.Create(name, (IReadOnlyDictionary<string, double[]>?)null, dimension);

    [Theory]
    [InlineData("lin-ucb")]
    [InlineData("lin-thompson")]
    [InlineData("glm-ucb")]
    [InlineData("logistic-thompson")]
    public void With_no_data_choices_spread_over_every_arm_and_nothing_is_nan(string name)
    {
        var policy = Create(name);
        var snapshot = policy.CreateSnapshot(policy.CreateState(3));
        Assert.All(snapshot.Arms, arm => Assert.All(arm, v => Assert.True(double.IsFinite(v))));
        var random = new Random(4);
        foreach (var exploration in new[] { 0.0, 1.0 })
        {
            var counts = Counts(policy, snapshot, [0.5, -1, 2, 0], exploration, random, 3_000);

            // Identical priors tie: each count is Binomial(3000, 1/3), sd ≈ 26, so 800 is more than 7 sd below 1000.
            Assert.All(counts, c => Assert.True(c > 800, $"counts {string.Join(", ", counts)}"));
        }
    }

    [Theory]
    [InlineData("lin-ucb")]
    [InlineData("lin-thompson")]
    [InlineData("glm-ucb")]
    [InlineData("logistic-thompson")]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none(string name)
    {
        var policy = Create(name);
        var state = policy.CreateState(3);
        policy.Train(state, [new(0, 1, Context: Unit(0, Dimension))]);
        var snapshot = policy.CreateSnapshot(state);
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(2, policy.Select(snapshot, Unit(0, Dimension), [true, true], 1, random)!.Value.Arm);
        }

        Assert.Null(policy.Select(snapshot, Unit(0, Dimension), [true, true, true], 1, random));
    }

    [Theory]
    [InlineData("lin-ucb")]
    [InlineData("lin-thompson")]
    [InlineData("glm-ucb")]
    [InlineData("logistic-thompson")]
    public void Selection_allocates_nothing(string name)
    {
        var policy = Create(name, dimension: 32);
        var state = policy.CreateState(10);
        policy.Train(state, RandomEvents(new Random(8), 3, 50, 32));
        var snapshot = policy.CreateSnapshot(state);
        var context = RandomEvents(new Random(9), 0, 1, 32)[0].Context!;
        Assert.Equal(0, AllocatedBytes(policy, snapshot, context, new bool[10], 1, new Random(1), 1_000));
    }
}
