namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// The per-arm Bayesian logistic regression shared by the binary-reward contextual policies (the
/// disjoint model: each arm its own weights θ, P(reward = 1 | x) = σ(θ·x), σ the logistic function),
/// with the posterior kept as a Laplace approximation N(θ, Σ) updated one event at a time: each event
/// takes one Newton step of the log posterior from the previous Gaussian (the sequential Laplace or
/// extended-Kalman update of Spiegelhalter and Lauritzen 1990, the online form of the Laplace
/// approximation Chapelle and Li 2011 use for Thompson sampling). With p = σ(θ·x) and w = p(1 − p):
/// Σ ← (Σ⁻¹ + w x xᵀ)⁻¹ by Sherman–Morrison and θ ← θ + (r − p) Σ x with the updated Σ. Learning is
/// O(d²) with nothing inverted or factorized, and a fractional reward r ∈ [0, 1] is a soft label.
/// </summary>
/// <remarks>
/// Layout of an arm vector (the <see cref="RidgeArm"/> shape): [count, θ (d values), Σ (d(d + 1)/2
/// values, packed lower triangle)], starting from θ = 0 and Σ = I / λ, the prior N(0, I / λ).
/// </remarks>
internal static class LogisticArm
{
    /// <summary>An arm with no events: the prior N(0, I / λ).</summary>
    public static double[] New(int dimension, double lambda) => RidgeArm.New(dimension, lambda);

    /// <summary>σ(z) = 1 / (1 + e^(−z)), written so that neither branch overflows.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>One Newton step of the log posterior for the event (x, r), in place.</summary>
    public static void Learn(double[] arm, int dimension, ReadOnlySpan<double> context, double reward)
    {
        var theta = RidgeArm.Vector(arm, dimension);
        var covariance = RidgeArm.Matrix(arm, dimension);
        var p = Sigmoid(RidgeArm.Dot(theta, context));
        var weight = p * (1 - p);

        Span<double> projected = stackalloc double[dimension];
        PackedSymmetricMatrix.Multiply(covariance, context, projected);
        var spread = RidgeArm.Dot(context, projected);
        // Σ is positive definite and w ≥ 0, so 1 + w·xᵀΣx ≥ 1: the update is well conditioned.
        var denominator = 1 + (weight * spread);
        PackedSymmetricMatrix.AddScaledOuterProduct(covariance, projected, -weight / denominator);

        // The updated Σ times x is Σx / (1 + w·xᵀΣx): the step needs no second product.
        var step = (reward - p) / denominator;
        for (var i = 0; i < dimension; i++)
        {
            theta[i] += step * projected[i];
        }

        arm[RidgeArm.CountIndex] += 1;
    }
}
