using MathNet.Numerics.LinearAlgebra;
using Orleans.Bandits.Policies.Contextual;

namespace Orleans.Bandits.Policies.Tests.Contextual;

/// <summary>Contexts, events and matrix conversions shared by the linear policy tests.</summary>
internal static class LinearTestData
{
    public static Matrix<double> Unpack(ReadOnlySpan<double> packed, int dimension)
    {
        var matrix = Matrix<double>.Build.Dense(dimension, dimension);
        for (var i = 0; i < dimension; i++)
        {
            for (var j = 0; j < dimension; j++)
            {
                matrix[i, j] = packed[PackedSymmetricMatrix.Index(i, j)];
            }
        }

        return matrix;
    }

    public static double[] Unit(int axis, int dimension, double length = 1)
    {
        var vector = new double[dimension];
        vector[axis] = length;
        return vector;
    }

    /// <summary>Gaussian contexts of varied scale and a noisy linear reward, so the gram matrix is far from the identity.</summary>
    public static TrainingEvent[] RandomEvents(Random random, int arm, int count, int dimension)
    {
        var events = new TrainingEvent[count];
        for (var n = 0; n < count; n++)
        {
            var scale = 0.1 + (3 * random.NextDouble());
            var context = new double[dimension];
            var reward = random.NextDouble() - 0.5;
            for (var i = 0; i < dimension; i++)
            {
                context[i] = scale * (random.NextDouble() - 0.3 + (0.2 * i));
                reward += (i + 1) * 0.1 * context[i];
            }

            events[n] = new TrainingEvent(arm, reward, Context: context);
        }

        return events;
    }
}
