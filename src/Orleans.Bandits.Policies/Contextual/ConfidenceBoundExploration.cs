namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Optimism (LinUCB, GLM-UCB): the score is the upper confidence bound θᵢ·x + α·s·√(xᵀΣᵢx), the width
/// of the confidence ellipsoid along x, so arms whose data says little about this context are tried.
/// The snapshot caches Σᵢ itself.
/// </summary>
internal sealed class ConfidenceBoundExploration(double alpha) : IRegressionExploration
{
    public bool IsDrawn => false;

    public void WriteSnapshotMatrix(ReadOnlySpan<double> covariance, Span<double> target, int dimension) => covariance.CopyTo(target);

    public double Spread(ReadOnlySpan<double> matrix, ReadOnlySpan<double> context) =>
        // Rounding can leave the quadratic form a hair below zero for directions Σ has all but closed.
        alpha == 0 ? 0 : alpha * Math.Sqrt(Math.Max(0, PackedSymmetricMatrix.QuadraticForm(matrix, context)));

    public double Score(double estimate, double spread, double exploration, Random random) => estimate + (exploration * spread);
}
