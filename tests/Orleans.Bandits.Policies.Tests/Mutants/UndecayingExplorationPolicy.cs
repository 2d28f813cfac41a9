namespace Orleans.Bandits.Policies.Tests.Mutants;

/// <summary>
/// Exploration that never decays: with a fixed probability ε a uniformly random arm, otherwise the
/// wrapped policy's own choice. Every arm keeps being played at least ε/K of the time however much has
/// been learned, so regret grows like ε·T·(mean gap) on top of the policy's own: linear, but with a
/// small ε slowly enough to pass a loose tolerance. The regret tests exclude no arm, so the random arm
/// is drawn from all of them; its propensity is left unset, as no learner it wraps needs one.
/// </summary>
internal sealed class UndecayingExplorationPolicy(IBanditPolicy inner, double epsilon) : MutatedSelection(inner)
{
    public override Selection? Select(PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        var choice = Inner.Select(snapshot, context, excluded, exploration, random);
        return choice is not null && random.NextDouble() < epsilon ? new Selection(random.Next(snapshot.ArmCount), null) : choice;
    }
}
