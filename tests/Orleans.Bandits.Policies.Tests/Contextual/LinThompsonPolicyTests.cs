using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Orleans.Bandits.Policies.Contextual;
using static Orleans.Bandits.Policies.Tests.Contextual.LinearTestData;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.Contextual;

public sealed class LinThompsonPolicyTests
{
    private const int Dimension = 4;

    private static IBanditPolicy Create(double v = 1, double lambda = 1, int dimension = Dimension) =>
        PolicyCatalogue.Create("lin-thompson", new Dictionary<string, double> { ["v"] = v, ["lambda"] = lambda }, dimension);

    [Fact]
    public void Snapshot_cholesky_factor_reproduces_v_squared_times_the_directly_inverted_gram_matrix()
    {
        const double v = 2, lambda = 0.5;
        var policy = Create(v, lambda);
        var state = policy.CreateState(2);
        var events = RandomEvents(new Random(5), 0, 1_500, Dimension);
        policy.Train(state, events);

        var gram = Matrix<double>.Build.DenseIdentity(Dimension) * lambda;
        foreach (var e in events)
        {
            var x = Vector<double>.Build.DenseOfArray(e.Context!);
            gram += x.OuterProduct(x);
        }

        var snapshot = policy.CreateSnapshot(state);
        foreach (var (arm, expected) in new[] { (0, gram.Inverse() * (v * v)), (1, Matrix<double>.Build.DenseIdentity(Dimension) * (v * v / lambda)) })
        {
            var lower = LowerTriangle(RidgeArm.Matrix(snapshot.Arms[arm], Dimension), Dimension);
            var error = (lower * lower.Transpose()) - expected;
            Assert.True(error.Enumerate().All(e => Math.Abs(e) < 1e-9), $"arm {arm}: max error {error.Enumerate().Max(Math.Abs):E2}");
            Assert.All(Enumerable.Range(0, Dimension), i => Assert.True(lower[i, i] > 0));
        }
    }

    [Fact]
    public void Training_keeps_the_same_ridge_state_as_lin_ucb()
    {
        var events = RandomEvents(new Random(6), 0, 400, Dimension);
        var thompson = Create(lambda: 3);
        var ucb = PolicyCatalogue.Create("lin-ucb", new Dictionary<string, double> { ["lambda"] = 3 }, Dimension);
        var thompsonState = thompson.CreateState(1);
        var ucbState = ucb.CreateState(1);
        thompson.Train(thompsonState, events);
        ucb.Train(ucbState, events);
        Assert.Equal(ucbState.Arms[0], thompsonState.Arms[0]);
    }

    [Fact]
    public void Snapshot_mean_equals_the_ridge_regression_closed_form()
    {
        const double lambda = 2;
        var policy = Create(lambda: lambda);
        var state = policy.CreateState(1);
        var events = RandomEvents(new Random(9), 0, 300, Dimension);
        policy.Train(state, events);

        // θ = (λI + XᵀX)⁻¹ Xᵀy.
        var design = Matrix<double>.Build.DenseOfRowArrays(events.Select(e => e.Context!));
        var targets = Vector<double>.Build.DenseOfEnumerable(events.Select(e => e.Reward));
        var expected = (design.TransposeThisAndMultiply(design) + (Matrix<double>.Build.DenseIdentity(Dimension) * lambda))
            .Solve(design.TransposeThisAndMultiply(targets));

        var theta = RidgeArm.Vector(policy.CreateSnapshot(state).Arms[0], Dimension).ToArray();
        for (var i = 0; i < Dimension; i++)
        {
            Assert.Equal(expected[i], theta[i], 1e-9);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Choice_frequencies_match_the_posterior_widened_by_the_exploration_scale(double exploration)
    {
        var context = Unit(0, Dimension);
        var policy = Create();
        var state = policy.CreateState(2);
        // Arm 0: 99 rewards of 0.5 along x, so θ̃·x ~ N(0.495, 0.01 s²); arm 1 unplayed, so θ̃·x ~ N(0, s²).
        policy.Train(state, Enumerable.Repeat(new TrainingEvent(0, 0.5, Context: context), 99).ToArray());
        var snapshot = policy.CreateSnapshot(state);

        const int draws = 20_000;
        var second = Counts(policy, snapshot, context, exploration, new Random(12), draws)[1];

        // P(arm 1) = P(N(0, s²) > N(0.495, 0.01 s²)) = Φ(−0.495 / (s √1.01)). The share is a mean of
        // 20,000 Bernoulli draws, sd ≤ 0.0036, so ±0.018 is a 5-sd (about 1e-6 false alarm) interval.
        var expected = Normal.CDF(0, 1, -0.495 / (exploration * Math.Sqrt(1.01)));
        Assert.Equal(expected, second / (double)draws, 0.018);
    }

    [Fact]
    public void Exploration_zero_and_v_zero_play_the_arm_whose_estimate_is_highest_for_the_context()
    {
        var state = Create().CreateState(3);
        var events = new TrainingEvent[]
        {
            new(0, 1, Context: Unit(0, Dimension)), new(1, 1, Context: Unit(1, Dimension)),
            new(2, 0, Context: Unit(0, Dimension)), new(2, 0, Context: Unit(1, Dimension)),
        };
        var random = new Random(1);
        foreach (var (policy, exploration) in new[] { (Create(), 0.0), (Create(v: 0), 1.0), (Create(v: 0), 10.0) })
        {
            var trained = state.Clone();
            policy.Train(trained, events);
            var snapshot = policy.CreateSnapshot(trained);
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(0, policy.Select(snapshot, Unit(0, Dimension), [], exploration, random)!.Value.Arm);
                Assert.Equal(1, policy.Select(snapshot, Unit(1, Dimension), [], exploration, random)!.Value.Arm);
            }
        }
    }

    [Fact]
    public void A_context_of_the_wrong_length_or_with_non_finite_values_is_rejected_at_selection()
    {
        var policy = Create();
        var snapshot = policy.CreateSnapshot(policy.CreateState(2));

        var tooLong = Assert.Throws<PolicyValidationException>(() => policy.Select(snapshot, [1, 2, 3, 4, 5], [], 1, new Random(1)));
        Assert.Equal("context", tooLong.Field);
        Assert.Contains("length 4", tooLong.Message);
        Assert.IsAssignableFrom<ArgumentException>(tooLong);

        var notFinite = Assert.Throws<PolicyValidationException>(() => policy.Select(snapshot, [1, double.NaN, 0, 0], [], 1, new Random(1)));
        Assert.Equal("context", notFinite.Field);
    }

    [Theory]
    [InlineData("v", -1)]
    [InlineData("lambda", 0)]
    public void Out_of_range_parameters_are_rejected_naming_the_field(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("lin-thompson", new Dictionary<string, double> { [name] = value }, Dimension));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    private static Matrix<double> LowerTriangle(ReadOnlySpan<double> packed, int dimension)
    {
        var matrix = Matrix<double>.Build.Dense(dimension, dimension);
        for (var i = 0; i < dimension; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                matrix[i, j] = packed[PackedSymmetricMatrix.Index(i, j)];
            }
        }

        return matrix;
    }
}
