namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// A policy that scores every available arm and plays the highest score (Thompson samples,
/// upper confidence bounds). Ties are broken uniformly at random so that, with no data, no arm
/// is favoured by its position.
/// </summary>
/// <remarks>
/// Propensity: fixed scores (an index, or a sampler at exploration 0) make the choice deterministic but for
/// ties, so it is 1 / ties when tied and <c>null</c> otherwise. Drawn scores (<see cref="ScoresAreDrawn"/>)
/// make it the probability that the chosen arm's draw beats every other available arm's, which has no
/// closed form; it is estimated once per snapshot by <see cref="WinProbabilityTables"/>. A choice scored
/// +∞ (an arm never played, ahead of every draw) is again a tie among such arms, exactly.
/// </remarks>
public abstract class IndexPolicy(PolicyDescriptor descriptor, PolicyParameters parameters, int contextDimension)
    : BanditPolicy(descriptor, parameters, contextDimension)
{
    public sealed override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var best = new BestArm();
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (IsExcluded(excluded, arm))
            {
                continue;
            }

            var score = Score(snapshot, arm, context, exploration, random);
            best.Offer(arm, double.IsNaN(score) ? double.NegativeInfinity : score, random);
        }

        if (best.Ties == 0 || exploration <= 0 || !ScoresAreDrawn || best.Score == double.PositiveInfinity)
        {
            return best.DeterministicChoice();
        }

        return best.Choice(snapshot.EstimatesPropensities ? snapshot.WinProbabilities.Estimate(this, snapshot, best.Arm, excluded, exploration) : null);
    }

    /// <summary>
    /// For drawn scores, the win-probability table's estimate, as <see cref="Select"/> reports it; but arms scored +∞ (never
    /// played) win ahead of every draw, tied among themselves, so while there are any the probability is exactly 1/ties for
    /// them and 0 for the rest. A fixed-score choice has no probability but its own.
    /// </summary>
    public sealed override double? ProbabilityOf(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, int arm)
    {
        if (!ScoresAreDrawn || exploration <= 0 || !snapshot.EstimatesPropensities || IsExcluded(excluded, arm))
        {
            return null;
        }

        var unplayed = 0;
        var armUnplayed = false;
        for (var other = 0; other < snapshot.ArmCount; other++)
        {
            if (!IsExcluded(excluded, other) && DrawScore(snapshot, other, exploration, Random.Shared) == double.PositiveInfinity)
            {
                unplayed++;
                armUnplayed |= other == arm;
            }
        }

        return unplayed > 0
            ? armUnplayed ? 1.0 / unplayed : 0
            : snapshot.WinProbabilities.Estimate(this, snapshot, arm, excluded, exploration);
    }

    /// <summary>
    /// Whether <see cref="Score"/> draws at random when exploration &gt; 0 (a posterior sample, a perturbation)
    /// rather than computing a fixed index. Only context-free policies may say so: the propensity estimate is
    /// counted once per snapshot, and a context would change it.
    /// </summary>
    protected virtual bool ScoresAreDrawn => false;

    /// <summary>The arm's index for this call; higher is better.</summary>
    protected abstract double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random);

    /// <summary>Whether a score at exploration 1 is a draw from the arm's posterior (Thompson samplers), so draws describe the posterior.</summary>
    internal bool DrawsFromPosterior => ScoresAreDrawn && Descriptor.HasPosterior && ContextDimension == 0;

    /// <summary>One context-free score as a selection draws it, NaN counted as −∞: what the propensity estimate counts.</summary>
    internal double DrawScore(PolicySnapshot snapshot, int arm, double exploration, Random random)
    {
        var score = Score(snapshot, arm, [], exploration, random);
        return double.IsNaN(score) ? double.NegativeInfinity : score;
    }
}
