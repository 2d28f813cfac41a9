namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// The off-policy estimators of a target policy's value on logged decisions. With wᵢ = π(aᵢ | xᵢ) / μᵢ the
/// importance weight of decision i (target probability over logged propensity):
/// </summary>
public enum OffPolicyEstimator
{
    /// <summary>Inverse propensity scoring, (1/n) Σ wᵢ rᵢ: unbiased, high variance when weights are large.</summary>
    Ips,

    /// <summary>Self-normalized IPS, Σ wᵢ rᵢ / Σ wᵢ: biased by O(1/n), far steadier than IPS.</summary>
    Snips,

    /// <summary>
    /// Doubly robust, (1/n) Σ [Σₐ π(a | xᵢ) r̂(xᵢ, a) + wᵢ (rᵢ − r̂(xᵢ, aᵢ))]: the direct method's prediction r̂
    /// corrected by the importance-weighted residual, unbiased when either the propensities or r̂ are right.
    /// </summary>
    DoublyRobust,
}
