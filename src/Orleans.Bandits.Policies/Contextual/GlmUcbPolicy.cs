namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// GLM-UCB with the logistic link for binary rewards with context, in the form of UCB-GLM (Li, Lu and
/// Zhou 2017; after Filippi, Cappé, Garivier and Szepesvári 2010): play the arm with the highest upper
/// confidence bound θᵢ·x + α‖x‖ on the logit, θᵢ the arm's regression estimate. The logistic link is
/// increasing, so this is also the arm with the highest optimistic success probability σ(θᵢ·x + α‖x‖).
/// θᵢ is the Laplace (one Newton step per event) estimate of <see cref="LogisticArm"/> rather than a
/// full maximum-likelihood fit per round, and the norm is ‖x‖ = √(xᵀΣᵢx) with Σᵢ the inverse of the
/// Hessian-weighted design λI + Σ p(1 − p) x xᵀ (the local-curvature confidence set of Faury et al.
/// 2020) rather than the unweighted design with a worst-case 1/κ factor: it is wide where predictions
/// sit on the flat tails of σ and the logit is poorly determined. The model is disjoint, one
/// regression per arm. Exploration scale s multiplies the bonus; s = 0 plays the best estimate θᵢ·x.
/// Propensity: <c>null</c> (deterministic argmax), 1 / ties when tied.
/// </summary>
/// <remarks>
/// Layout: see <see cref="LogisticRegressionPolicy"/>. Snapshot arm = [count, θ (d), Σ (packed)].
/// </remarks>
public sealed class GlmUcbPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : LogisticRegressionPolicy(descriptor, parameters, contextDimension, new ConfidenceBoundExploration(parameters["alpha"]))
{
    public static PolicyDescriptor Entry { get; } = new(
        "glm-ucb",
        "GLM-UCB with the logistic link: per-arm Bayesian logistic regression on the context, played by the upper confidence bound of the logit; rewards 1/0 (fractions as soft labels).",
        Contextual: true,
        RewardRange.Unit,
        [
            new("alpha", 1, "Width α of the confidence bonus α·√(xᵀΣx) on the logit; 0 plays the estimate.", Min: 0),
            new("lambda", 1, "Prior precision λ: every arm's weights start as N(0, I / λ).", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, dimension) => new GlmUcbPolicy(d, p, dimension));
}
