namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Symmetric and lower-triangular d×d matrices stored as their lower triangle, row by row: element
/// (i, j) with j ≤ i sits at i(i + 1)/2 + j, so row i is the contiguous run of i + 1 values starting
/// at i(i + 1)/2. Half the storage of a full matrix (it is what a grain persists per arm), and a
/// symmetric matrix stays exactly symmetric under rounding because each off-diagonal value exists once.
/// Every operation is allocation-free.
/// </summary>
internal static class PackedSymmetricMatrix
{
    /// <summary>Number of stored values of a d×d matrix: d(d + 1)/2.</summary>
    public static int Length(int dimension) => dimension * (dimension + 1) / 2;

    /// <summary>Position of element (row, column) of a symmetric matrix; either order of the indices works.</summary>
    public static int Index(int row, int column) =>
        row >= column ? (row * (row + 1) / 2) + column : (column * (column + 1) / 2) + row;

    /// <summary>Overwrites <paramref name="packed"/> with <paramref name="value"/> times the identity.</summary>
    public static void SetScaledIdentity(Span<double> packed, int dimension, double value)
    {
        packed[..Length(dimension)].Clear();
        for (var i = 0; i < dimension; i++)
        {
            packed[Index(i, i)] = value;
        }
    }

    /// <summary>result = M v for a symmetric M.</summary>
    public static void Multiply(ReadOnlySpan<double> packed, ReadOnlySpan<double> vector, Span<double> result)
    {
        var dimension = vector.Length;
        result[..dimension].Clear();
        var start = 0;
        for (var i = 0; i < dimension; i++)
        {
            var row = packed.Slice(start, i + 1);
            var vi = vector[i];
            var sum = row[i] * vi;
            for (var j = 0; j < i; j++)
            {
                sum += row[j] * vector[j];
                // The stored (i, j) is also (j, i): it contributes to row j as well.
                result[j] += row[j] * vi;
            }

            result[i] += sum;
            start += i + 1;
        }
    }

    /// <summary>vᵀ M v for a symmetric M.</summary>
    public static double QuadraticForm(ReadOnlySpan<double> packed, ReadOnlySpan<double> vector)
    {
        var total = 0.0;
        var start = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var row = packed.Slice(start, i + 1);
            var offDiagonal = 0.0;
            for (var j = 0; j < i; j++)
            {
                offDiagonal += row[j] * vector[j];
            }

            total += vector[i] * ((row[i] * vector[i]) + (2 * offDiagonal));
            start += i + 1;
        }

        return total;
    }

    /// <summary>M += scale · u uᵀ for a symmetric M.</summary>
    public static void AddScaledOuterProduct(Span<double> packed, ReadOnlySpan<double> vector, double scale)
    {
        var start = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var row = packed.Slice(start, i + 1);
            var scaled = scale * vector[i];
            for (var j = 0; j <= i; j++)
            {
                row[j] += scaled * vector[j];
            }

            start += i + 1;
        }
    }

    /// <summary>
    /// The lower-triangular L with L Lᵀ = scale · M for a symmetric positive semi-definite M and
    /// scale ≥ 0, written to <paramref name="lower"/> in the same packed layout.
    /// A pivot that rounding has pushed to (or below) zero marks a direction M has no spread in, so
    /// its column of L is set to zero instead of dividing by noise: the factor then describes the
    /// nearest semi-definite matrix rather than producing NaN or huge values.
    /// </summary>
    public static void Cholesky(ReadOnlySpan<double> packed, int dimension, double scale, Span<double> lower)
    {
        // Pivots below this fraction of their diagonal are rounding noise: a ridge inverse kept by
        // rank-one updates carries relative errors near 1e-16 per update.
        const double relativePivotFloor = 1e-13;

        for (var j = 0; j < dimension; j++)
        {
            var rowJ = lower.Slice(Index(j, 0), j + 1);
            var pivot = packed[Index(j, j)];
            for (var k = 0; k < j; k++)
            {
                pivot -= rowJ[k] * rowJ[k];
            }

            var diagonal = pivot > relativePivotFloor * Math.Abs(packed[Index(j, j)]) ? Math.Sqrt(pivot) : 0.0;
            rowJ[j] = diagonal;
            for (var i = j + 1; i < dimension; i++)
            {
                var rowI = lower.Slice(Index(i, 0), i + 1);
                if (diagonal == 0)
                {
                    rowI[j] = 0;
                    continue;
                }

                var sum = packed[Index(i, j)];
                for (var k = 0; k < j; k++)
                {
                    sum -= rowI[k] * rowJ[k];
                }

                rowI[j] = sum / diagonal;
            }
        }

        if (scale != 1)
        {
            var root = Math.Sqrt(scale);
            var factor = lower[..Length(dimension)];
            for (var n = 0; n < factor.Length; n++)
            {
                factor[n] *= root;
            }
        }
    }

    /// <summary>
    /// ‖Lᵀx‖² for a lower-triangular L: the variance of xᵀLz for z ~ N(0, I), that is xᵀ(L Lᵀ)x, as a sum of
    /// squares, so it is never negative however L Lᵀ was rounded.
    /// </summary>
    public static double LowerTransposedSquaredNorm(ReadOnlySpan<double> lower, ReadOnlySpan<double> x)
    {
        // x has been checked to hold d values, and d is at most PolicyCatalogue.MaxContextDimension (256).
        Span<double> projected = stackalloc double[x.Length];
        projected.Clear();
        var start = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var row = lower.Slice(start, i + 1);
            for (var j = 0; j <= i; j++)
            {
                projected[j] += row[j] * x[i];
            }

            start += i + 1;
        }

        var total = 0.0;
        foreach (var value in projected)
        {
            total += value * value;
        }

        return total;
    }
}
