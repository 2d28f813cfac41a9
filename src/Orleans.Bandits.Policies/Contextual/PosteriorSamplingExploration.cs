namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Posterior sampling (linear and logistic Thompson sampling): the score is θ̃ᵢ·x with θ̃ᵢ drawn from
/// N(θᵢ, v²Σᵢ). The snapshot caches the Cholesky factor L of v²Σᵢ, so a selection only draws
/// z ~ N(0, I_d) per arm and scores θᵢ·x + s·xᵀLz: no factorization on the select path. Exploration
/// scale s widens the posterior's standard deviation s times.
/// </summary>
internal sealed class PosteriorSamplingExploration(double scale) : IRegressionExploration
{
    public void WriteSnapshotMatrix(ReadOnlySpan<double> covariance, Span<double> target, int dimension) =>
        PackedSymmetricMatrix.Cholesky(covariance, dimension, scale * scale, target);

    public double Explore(double estimate, ReadOnlySpan<double> matrix, ReadOnlySpan<double> context, double exploration, Random random)
    {
        if (scale == 0)
        {
            return estimate;
        }

        // The context has been checked to hold d values, and d is at most
        // PolicyCatalogue.MaxContextDimension (256), so z fits the stack.
        Span<double> z = stackalloc double[context.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = Distributions.StandardNormal(random);
        }

        return estimate + (exploration * PackedSymmetricMatrix.LowerBilinearForm(matrix, context, z));
    }
}
