namespace Orleans.Bandits.Policies.Tests.Mutants;

/// <summary>
/// Always plays one arm: the mutant that has settled on the wrong arm (say the second best) and never
/// leaves it. It chooses only when the wrapped policy would, so a knapsack mutant still stops when a
/// budget is spent, and it reports propensity 1, which is exact for a deterministic choice.
/// </summary>
internal sealed class StuckOnArmPolicy(IBanditPolicy inner, int arm) : MutatedSelection(inner)
{
    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random) =>
        Inner.Select(snapshot, context, excluded, exploration, random) is null ? null : new Selection(arm, 1);
}
