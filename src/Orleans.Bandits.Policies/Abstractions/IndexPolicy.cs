namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>
/// A policy that scores every available arm and plays the highest score (Thompson samples,
/// upper confidence bounds). Ties are broken uniformly at random so that, with no data, no arm
/// is favoured by its position.
/// </summary>
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

        return best.Choice(propensity: null);
    }

    /// <summary>The arm's index for this call; higher is better.</summary>
    protected abstract double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random);
}
