using MathNet.Numerics.LinearAlgebra;
using Orleans.Bandits.Policies.Contextual;
using static Orleans.Bandits.Policies.Tests.Contextual.LinearTestData;

namespace Orleans.Bandits.Policies.Tests.Contextual;

public sealed class PackedSymmetricMatrixTests
{
    private const int Dimension = 5;

    [Fact]
    public void Product_and_quadratic_form_match_the_full_matrix()
    {
        var (packed, full) = RandomSymmetric(new Random(2));
        var vector = Vector<double>.Build.DenseOfArray([0.3, -1.2, 2.0, 0.7, -0.4]);

        var product = new double[Dimension];
        PackedSymmetricMatrix.Multiply(packed, vector.ToArray(), product);

        var expected = full * vector;
        for (var i = 0; i < Dimension; i++)
        {
            Assert.Equal(expected[i], product[i], 1e-12);
        }

        Assert.Equal(vector * full * vector, PackedSymmetricMatrix.QuadraticForm(packed, vector.ToArray()), 1e-12);
    }

    [Fact]
    public void Cholesky_of_a_singular_positive_semi_definite_matrix_has_no_nan_and_reproduces_it()
    {
        // u uᵀ has rank one: every pivot after the first is zero up to rounding.
        double[] u = [1, 2, -1, 0.5, 3];
        var packed = new double[PackedSymmetricMatrix.Length(Dimension)];
        PackedSymmetricMatrix.AddScaledOuterProduct(packed, u, 1);

        var lower = new double[packed.Length];
        PackedSymmetricMatrix.Cholesky(packed, Dimension, 4, lower);

        Assert.All(lower, v => Assert.True(double.IsFinite(v)));
        var factor = Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => j <= i ? lower[PackedSymmetricMatrix.Index(i, j)] : 0);
        var uu = Vector<double>.Build.DenseOfArray(u).OuterProduct(Vector<double>.Build.DenseOfArray(u));
        Assert.True(((factor * factor.Transpose()) - (uu * 4)).Enumerate().All(e => Math.Abs(e) < 1e-12));
    }

    [Fact]
    public void Squared_norm_of_the_lower_factor_transposed_times_x_equals_x_transpose_l_l_transpose_x()
    {
        var lower = Enumerable.Range(1, PackedSymmetricMatrix.Length(Dimension)).Select(i => i * 0.1).ToArray();
        var factor = Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => j <= i ? lower[PackedSymmetricMatrix.Index(i, j)] : 0);
        var x = Vector<double>.Build.DenseOfArray([1, -2, 0.5, 3, -1]);

        Assert.Equal(x * (factor * factor.Transpose()) * x, PackedSymmetricMatrix.LowerTransposedSquaredNorm(lower, x.ToArray()), 1e-10);
    }

    private static (double[] Packed, Matrix<double> Full) RandomSymmetric(Random random)
    {
        var packed = new double[PackedSymmetricMatrix.Length(Dimension)];
        for (var n = 0; n < packed.Length; n++)
        {
            packed[n] = random.NextDouble() - 0.5;
        }

        return (packed, Unpack(packed, Dimension));
    }
}
