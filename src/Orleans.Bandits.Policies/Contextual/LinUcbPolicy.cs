namespace Orleans.Bandits.Policies.Contextual;

/// <summary>
/// Disjoint LinUCB (Li, Chu, Langford and Schapire 2010): each arm keeps its own ridge regression of
/// reward on context, and the arm with the highest upper confidence bound θᵢ·x + α·√(xᵀAᵢ⁻¹x) is played.
/// The bonus is the width of the confidence ellipsoid along x, so arms whose data says little about
/// this context are tried. Exploration scale s multiplies the bonus; s = 0 plays the best estimate θᵢ·x.
/// </summary>
/// <remarks>
/// Layout: see <see cref="RidgeRegressionPolicy"/>. Snapshot arm = [count, θ = A⁻¹b (d), A⁻¹ (packed)].
/// </remarks>
public sealed class LinUcbPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : RidgeRegressionPolicy(descriptor, parameters, contextDimension, new ConfidenceBoundExploration(parameters["alpha"]))
{
    public static PolicyDescriptor Entry { get; } = new(
        "lin-ucb",
        "Disjoint LinUCB: per-arm ridge regression on the context, played by upper confidence bound.",
        Contextual: true,
        RewardRange.AnyFinite,
        [
            new("alpha", 1, "Width of the confidence bonus α·√(xᵀA⁻¹x); 0 plays the ridge estimate.", Min: 0),
            new("lambda", 1, "Ridge regularization λ: A starts at λI, shrinking estimates of little-played arms toward 0.", Min: 0, MinExclusive: true),
        ],
        OperationalDefaults.Deterministic,
        HasPosterior: false,
        (d, p, dimension) => new LinUcbPolicy(d, p, dimension));
}
