namespace Orleans.Bandits.Policies.Tests.Mutants;

/// <summary>
/// The wrapped policy's choices, reported with propensity 1 / (available arms): what a policy that guessed
/// its probabilities as uniform would log. Right only when the policy really plays uniformly.
/// </summary>
internal sealed class UniformPropensityPolicy(IBanditPolicy inner) : MutatedSelection(inner)
{
    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var available = 0;
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            available += arm < excluded.Length && excluded[arm] ? 0 : 1;
        }

        return Inner.Select(snapshot, context, excluded, exploration, random) is { } choice ? choice with { Propensity = 1.0 / available } : null;
    }
}
