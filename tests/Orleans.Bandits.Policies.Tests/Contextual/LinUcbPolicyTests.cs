using MathNet.Numerics.LinearAlgebra;
using Orleans.Bandits.Policies.Contextual;
using static Orleans.Bandits.Policies.Tests.Contextual.LinearTestData;

namespace Orleans.Bandits.Policies.Tests.Contextual;

public sealed class LinUcbPolicyTests
{
    private const int Dimension = 4;

    private static IBanditPolicy Create(double alpha = 1, double lambda = 1, int dimension = Dimension) =>
        PolicyCatalogue.Create("lin-ucb", new Dictionary<string, double> { ["alpha"] = alpha, ["lambda"] = lambda }, dimension);

    [Fact]
    public void Sherman_morrison_inverse_equals_the_directly_inverted_ridge_gram_matrix_after_many_updates()
    {
        const double lambda = 0.5;
        var policy = Create(lambda: lambda);
        var state = policy.CreateState(1);
        var random = new Random(5);
        var events = RandomEvents(random, 0, 2_000, Dimension);
        policy.Train(state, events);

        var gram = Matrix<double>.Build.DenseIdentity(Dimension) * lambda;
        foreach (var e in events)
        {
            var x = Vector<double>.Build.DenseOfArray(e.Context!);
            gram += x.OuterProduct(x);
        }

        var expected = gram.Inverse();
        var kept = Unpack(RidgeArm.Matrix(state.Arms[0], Dimension), Dimension);
        // Entries are O(1/n) here; 1e-9 absolute is far below any error that would change a choice
        // and far above the ~1e-16 per update that rounding in Sherman–Morrison adds.
        Assert.True((kept - expected).Enumerate().All(v => Math.Abs(v) < 1e-9), $"max error {(kept - expected).Enumerate().Max(Math.Abs):E2}");
        Assert.Equal(2_000.0, state.Arms[0][RidgeArm.CountIndex]);
    }

    [Fact]
    public void Snapshot_estimate_equals_the_ridge_regression_closed_form()
    {
        const double lambda = 2;
        var policy = Create(lambda: lambda);
        var state = policy.CreateState(2);
        var random = new Random(9);
        var events = RandomEvents(random, 1, 300, Dimension);
        policy.Train(state, events);

        // θ = (λI + XᵀX)⁻¹ Xᵀy, solved by QR on the stacked system [X; √λ I] θ = [y; 0].
        var rows = events.Select(e => e.Context!).Concat(Enumerable.Range(0, Dimension).Select(i => Unit(i, Dimension, Math.Sqrt(lambda)))).ToArray();
        var design = Matrix<double>.Build.DenseOfRowArrays(rows);
        var targets = Vector<double>.Build.DenseOfEnumerable(events.Select(e => e.Reward).Concat(new double[Dimension]));
        var expected = design.QR().Solve(targets);

        var snapshot = policy.CreateSnapshot(state);
        var theta = RidgeArm.Vector(snapshot.Arms[1], Dimension).ToArray();
        for (var i = 0; i < Dimension; i++)
        {
            Assert.Equal(expected[i], theta[i], 1e-9);
        }

        Assert.All(RidgeArm.Vector(snapshot.Arms[0], Dimension).ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Exploration_zero_plays_the_arm_whose_estimate_is_highest_for_the_context()
    {
        var policy = Create();
        var state = policy.CreateState(3);
        // Arm 0 pays along the first axis, arm 1 along the second, arm 2 never pays.
        policy.Train(state, [
            new(0, 1, Context: Unit(0, Dimension)), new(1, 1, Context: Unit(1, Dimension)),
            new(2, 0, Context: Unit(0, Dimension)), new(2, 0, Context: Unit(1, Dimension))]);
        var snapshot = policy.CreateSnapshot(state);
        var random = new Random(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(0, policy.Select(snapshot, Unit(0, Dimension), [], 0, random)!.Value.Arm);
            Assert.Equal(1, policy.Select(snapshot, Unit(1, Dimension), [], 0, random)!.Value.Arm);
        }
    }

    [Fact]
    public void Confidence_bonus_is_alpha_times_exploration_times_the_ellipsoid_width()
    {
        var context = Unit(0, Dimension);
        // Arm 0: 99 rewards of 0.5 along x, so θ·x = 49.5/100 = 0.495 and √(xᵀA⁻¹x) = √(1/100) = 0.1.
        // Arm 1: never played, so θ·x = 0 and √(xᵀA⁻¹x) = 1 (λ = 1).
        // Scores: arm 0 = 0.495 + 0.1·αs, arm 1 = αs; arm 1 wins iff αs > 0.55.
        var batch = Enumerable.Repeat(new TrainingEvent(0, 0.5, Context: context), 99).ToArray();

        int Choice(double alpha, double exploration)
        {
            var policy = Create(alpha: alpha);
            var state = policy.CreateState(2);
            policy.Train(state, batch);
            return policy.Select(policy.CreateSnapshot(state), context, [], exploration, new Random(2))!.Value.Arm;
        }

        Assert.Equal(1, Choice(alpha: 1, exploration: 1));
        Assert.Equal(0, Choice(alpha: 1, exploration: 0.5));
        Assert.Equal(1, Choice(alpha: 0.3, exploration: 2));
        Assert.Equal(0, Choice(alpha: 0, exploration: 5));
    }

    [Fact]
    public void A_context_of_the_wrong_length_is_rejected_at_selection_and_in_training()
    {
        var policy = Create();
        var state = policy.CreateState(2);
        var snapshot = policy.CreateSnapshot(state);

        var atSelect = Assert.Throws<PolicyValidationException>(() => policy.Select(snapshot, [1, 2, 3], [], 1, new Random(1)));
        Assert.Equal("context", atSelect.Field);
        Assert.Contains("length 4", atSelect.Message);
        Assert.Contains("got 3", atSelect.Message);
        Assert.IsAssignableFrom<ArgumentException>(atSelect);

        var atTrain = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1, Context: [1, 2])));
        Assert.Equal("context", atTrain.Field);
        Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1)));
        Assert.Equal(0.0, state.Arms[0][RidgeArm.CountIndex]);
    }

    [Fact]
    public void Any_finite_reward_is_learned_and_non_finite_ones_are_rejected()
    {
        var policy = Create();
        var state = policy.CreateState(1);
        policy.Train(state, [new(0, -250, Context: Unit(0, Dimension)), new(0, 1e6, Context: Unit(1, Dimension))]);
        Assert.Equal([-250.0, 1e6, 0, 0], RidgeArm.Vector(state.Arms[0], Dimension).ToArray());

        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, double.NaN, Context: Unit(0, Dimension))));
        Assert.Equal("reward", error.Field);
    }

    [Theory]
    [InlineData("alpha", -0.1)]
    [InlineData("lambda", 0)]
    [InlineData("lambda", -1)]
    public void Out_of_range_parameters_are_rejected_naming_the_field(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("lin-ucb", new Dictionary<string, double> { [name] = value }, Dimension));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    [Fact]
    public void An_added_arm_starts_from_the_ridge_prior()
    {
        var policy = Create(lambda: 4);
        var state = policy.CreateState(1);
        policy.AddArm(state);
        var arm = state.Arms[1];
        Assert.Equal(1 + Dimension + (Dimension * (Dimension + 1) / 2), arm.Length);
        var inverse = Unpack(RidgeArm.Matrix(arm, Dimension), Dimension);
        Assert.Equal(Matrix<double>.Build.DenseIdentity(Dimension) * 0.25, inverse);
    }
}
