namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// How a <see cref="RegressionPolicy"/> explores around an arm's estimate θᵢ·x, given the Gaussian
/// N(θᵢ, Σᵢ) its model keeps over the arm's weights (Σᵢ = Aᵢ⁻¹ for ridge regression). Either way the
/// exploration moves the score along x by a multiple of one number per arm and context, its spread.
/// </summary>
internal interface IRegressionExploration
{
    /// <summary>Whether the score is a random draw, so that a choice's propensity is the chance its draw beats the others'.</summary>
    bool IsDrawn { get; }

    /// <summary>Fills the snapshot's matrix block from the arm's Σ.</summary>
    void WriteSnapshotMatrix(ReadOnlySpan<double> covariance, Span<double> target, int dimension);

    /// <summary>
    /// The arm's spread along x at exploration scale 1, from the snapshot's matrix: the width of the
    /// optimistic bonus, or the standard deviation of the sampled score; 0 when exploration is switched off.
    /// </summary>
    double Spread(ReadOnlySpan<double> matrix, ReadOnlySpan<double> context);

    /// <summary>The score at exploration scale s &gt; 0 from the estimate θᵢ·x and a positive spread.</summary>
    double Score(double estimate, double spread, double exploration, Random random);
}
