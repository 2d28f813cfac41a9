namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Posterior sampling (linear and logistic Thompson sampling): the score is θ̃ᵢ·x with θ̃ᵢ drawn from
/// N(θᵢ, v²Σᵢ). Given x that score is Gaussian, N(θᵢ·x, v²xᵀΣᵢx), and independent across arms, so a
/// selection draws it directly: θᵢ·x + s·σᵢ·z with one z ~ N(0, 1) per arm, σᵢ = ‖Lᵢᵀx‖ for the Cholesky
/// factor Lᵢ of v²Σᵢ the snapshot caches (a sum of squares, never negative however Σᵢ was rounded). That is
/// the same law as drawing all d weights and projecting them, with one normal draw instead of d, and it
/// gives the propensity the Gaussian race of the arms' scores (<see cref="GaussianRace"/>). Exploration
/// scale s widens the posterior's standard deviation s times.
/// </summary>
internal sealed class PosteriorSamplingExploration(double scale) : IRegressionExploration
{
    public bool IsDrawn => true;

    public void WriteSnapshotMatrix(ReadOnlySpan<double> covariance, Span<double> target, int dimension) =>
        PackedSymmetricMatrix.Cholesky(covariance, dimension, scale * scale, target);

    public double Spread(ReadOnlySpan<double> matrix, ReadOnlySpan<double> context) =>
        scale == 0 ? 0 : Math.Sqrt(PackedSymmetricMatrix.LowerTransposedSquaredNorm(matrix, context));

    public double Score(double estimate, double spread, double exploration, Random random) =>
        estimate + (exploration * spread * Distributions.StandardNormal(random));
}
