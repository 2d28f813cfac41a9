using MathNet.Numerics.LinearAlgebra;
using Orleans.Bandits.Policies.Contextual;
using static Orleans.Bandits.Policies.Tests.Contextual.LinearTestData;

namespace Orleans.Bandits.Policies.Tests.Contextual;

public sealed class LogisticArmTests
{
    private const int Dimension = 3;

    [Fact]
    public void Sequential_laplace_updates_recover_the_weights_of_a_logistic_model()
    {
        // 20,000 draws from P(1 | x) = σ(θ·x), θ = (0.5, −1, 2): the maximum-likelihood error is about
        // 1/√(n·p(1 − p)) ≈ 0.02 per coordinate; 0.1 allows for the one-pass approximation.
        double[] truth = [0.5, -1, 2];
        var arm = LogisticArm.New(Dimension, 1);
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            double[] x = [1, (2 * random.NextDouble()) - 1, (2 * random.NextDouble()) - 1];
            var reward = random.NextDouble() < LogisticArm.Sigmoid(RidgeArm.Dot(truth, x)) ? 1 : 0;
            LogisticArm.Learn(arm, Dimension, x, reward);
        }

        var theta = RidgeArm.Vector(arm, Dimension).ToArray();
        for (var i = 0; i < Dimension; i++)
        {
            Assert.InRange(theta[i], truth[i] - 0.1, truth[i] + 0.1);
        }

        Assert.Equal(20_000.0, arm[RidgeArm.CountIndex]);
    }

    [Fact]
    public void One_update_matches_the_newton_step_from_the_prior()
    {
        // From N(0, I/λ), λ = 2: p = ½, w = ¼, Σ' = (2I + ¼ x xᵀ)⁻¹ and θ' = (r − ½)·Σ' x.
        double[] x = [1, -2, 0.5];
        var arm = LogisticArm.New(Dimension, 2);
        LogisticArm.Learn(arm, Dimension, x, 1);

        var vector = Vector<double>.Build.DenseOfArray(x);
        var covariance = ((Matrix<double>.Build.DenseIdentity(Dimension) * 2) + (vector.OuterProduct(vector) * 0.25)).Inverse();
        var theta = covariance * vector * 0.5;
        Assert.True((Unpack(RidgeArm.Matrix(arm, Dimension), Dimension) - covariance).Enumerate().All(v => Math.Abs(v) < 1e-12));
        for (var i = 0; i < Dimension; i++)
        {
            Assert.Equal(theta[i], RidgeArm.Vector(arm, Dimension)[i], 12);
        }
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(800, 1)]
    [InlineData(-800, 0)]
    public void Sigmoid_stays_finite_at_extreme_logits(double logit, double expected)
    {
        Assert.Equal(expected, LogisticArm.Sigmoid(logit), 12);
    }
}
