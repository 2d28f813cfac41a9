namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// How a <see cref="RegressionPolicy"/> explores around an arm's estimate θᵢ·x, given the Gaussian
/// N(θᵢ, Σᵢ) its model keeps over the arm's weights (Σᵢ = Aᵢ⁻¹ for ridge regression).
/// </summary>
internal interface IRegressionExploration
{
    /// <summary>Fills the snapshot's matrix block from the arm's Σ.</summary>
    void WriteSnapshotMatrix(ReadOnlySpan<double> covariance, Span<double> target, int dimension);

    /// <summary>The score at exploration scale s &gt; 0, from the estimate θᵢ·x and the snapshot's matrix.</summary>
    double Explore(double estimate, ReadOnlySpan<double> matrix, ReadOnlySpan<double> context, double exploration, Random random);
}
