namespace Orleans.Bandits.Policies.Tests.Mutants;

/// <summary>
/// No exploration: the wrapped policy at exploration scale 0, which by the <see cref="IBanditPolicy.Select"/>
/// contract plays its current estimates greedily (UCB1 without the bonus, Thompson on the posterior mean).
/// Deterministic given the history, up to ties.
/// </summary>
internal sealed class GreedyPolicy(IBanditPolicy inner) : MutatedSelection(inner)
{
    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random) =>
        Inner.Select(snapshot, context, excluded, 0, random);
}
