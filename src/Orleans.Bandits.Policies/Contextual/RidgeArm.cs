namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// The per-arm ridge regression shared by the linear policies (the disjoint model of Li et al. 2010):
/// A = λI + Σ x xᵀ and b = Σ r x over the arm's events, estimate θ = A⁻¹ b.
/// A⁻¹ is kept directly and updated by Sherman–Morrison, so learning costs O(d²) and nothing is
/// ever inverted or factorized on the training path.
/// </summary>
/// <remarks>
/// Layout of an arm vector: [count, b (d values), A⁻¹ (d(d + 1)/2 values, packed lower triangle,
/// see <see cref="PackedSymmetricMatrix"/>)]. Snapshots reuse the shape with θ in place of b.
/// </remarks>
internal static class RidgeArm
{
    public const int CountIndex = 0;

    public const int VectorOffset = 1;

    public static int MatrixOffset(int dimension) => VectorOffset + dimension;

    public static int Length(int dimension) => MatrixOffset(dimension) + PackedSymmetricMatrix.Length(dimension);

    /// <summary>An arm with no events: count 0, b = 0, A⁻¹ = I / λ.</summary>
    public static double[] New(int dimension, double lambda)
    {
        var arm = new double[Length(dimension)];
        PackedSymmetricMatrix.SetScaledIdentity(Matrix(arm, dimension), dimension, 1 / lambda);
        return arm;
    }

    public static Span<double> Vector(double[] arm, int dimension) => arm.AsSpan(VectorOffset, dimension);

    public static Span<double> Matrix(double[] arm, int dimension) => arm.AsSpan(MatrixOffset(dimension));

    /// <summary>
    /// Adds one observation: A⁻¹ ← A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x) (Sherman–Morrison, exact for the
    /// rank-one change A ← A + x xᵀ), b ← b + r x, count ← count + 1.
    /// </summary>
    public static void Learn(double[] arm, int dimension, ReadOnlySpan<double> context, double reward)
    {
        var inverse = Matrix(arm, dimension);
        Span<double> projected = stackalloc double[dimension];
        PackedSymmetricMatrix.Multiply(inverse, context, projected);
        // A⁻¹ is positive definite, so the denominator is at least 1 and the update is well conditioned.
        var denominator = 1 + Dot(context, projected);
        PackedSymmetricMatrix.AddScaledOuterProduct(inverse, projected, -1 / denominator);

        var b = Vector(arm, dimension);
        for (var i = 0; i < dimension; i++)
        {
            b[i] += reward * context[i];
        }

        arm[CountIndex] += 1;
    }

    /// <summary>
    /// A snapshot vector for <paramref name="arm"/>: count, θ = A⁻¹ b, and the matrix block left
    /// empty for the caller to fill (A⁻¹ itself for LinUCB, a Cholesky factor for LinTS).
    /// </summary>
    public static double[] SnapshotWithEstimate(double[] arm, int dimension)
    {
        var snapshot = new double[arm.Length];
        snapshot[CountIndex] = arm[CountIndex];
        PackedSymmetricMatrix.Multiply(Matrix(arm, dimension), Vector(arm, dimension), Vector(snapshot, dimension));
        return snapshot;
    }

    /// <summary>Refuses a context of the wrong length or with non-finite values at selection time.</summary>
    /// <exception cref="PolicyValidationException">The context cannot be scored.</exception>
    public static void CheckContext(ReadOnlySpan<double> context, int dimension, string policyName)
    {
        if (context.Length != dimension)
        {
            throw new PolicyValidationException("context", $"Policy '{policyName}' needs a context of length {dimension} (got {context.Length}).");
        }

        foreach (var value in context)
        {
            if (!double.IsFinite(value))
            {
                throw new PolicyValidationException("context", "Context values must be finite numbers.");
            }
        }
    }

    /// <summary>uᵀ v.</summary>
    public static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        var total = 0.0;
        for (var i = 0; i < u.Length; i++)
        {
            total += u[i] * v[i];
        }

        return total;
    }
}
