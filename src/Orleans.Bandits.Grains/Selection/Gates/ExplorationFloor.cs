using PolicySelection = Orleans.Bandits.Policies.Abstractions.Selection;

namespace Orleans.Bandits.Grains.Selection.Gates;

/// <summary>
/// The exploration floor f on top of any policy: with probability f an arm drawn uniformly among the K selectable
/// ones, else the policy's choice, so every selectable arm has probability at least f/K. The propensity logged is
/// the mixture's, f/K + (1 − f)·p(arm), p the policy's probability of the served arm: a deterministic policy's
/// (propensity <c>null</c>) is 1 for its choice and 0 for every other arm, exactly; a randomized policy states p for
/// its own choice, and for another arm the floor served through <see cref="IBanditPolicy.ProbabilityOf"/>, or where
/// the policy cannot state it, as the share of <see cref="EstimateDraws"/> of its choices (the rule offline
/// evaluation uses for target policies).
/// </summary>
public static class ExplorationFloor
{
    /// <summary>The policy's choices counted when it cannot state an arm's probability: standard error ≤ 1/(2√256) = 3.1 points.</summary>
    public const int EstimateDraws = 256;

    public static PolicySelection Apply(
        double floor, PolicySelection choice, IBanditPolicy policy, PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, Random random)
    {
        if (floor <= 0)
        {
            return choice;
        }

        var selectable = UniformArm.CountSelectable(excluded);
        var uniform = floor / selectable;
        if (random.NextDouble() >= floor)
        {
            return choice with { Propensity = uniform + ((1 - floor) * (choice.Propensity ?? 1)) };
        }

        var served = UniformArm.Pick(excluded, selectable, random);
        if (served == choice.Arm)
        {
            return choice with { Propensity = uniform + ((1 - floor) * (choice.Propensity ?? 1)) };
        }

        var policyProbability = choice.Propensity is null
            ? 0
            : policy.ProbabilityOf(snapshot, context, excluded, exploration, served) ?? Estimate(policy, snapshot, context, excluded, exploration, served, random);
        return new PolicySelection(served, uniform + ((1 - floor) * policyProbability));
    }

    private static double Estimate(IBanditPolicy policy, PolicySnapshot snapshot, ReadOnlySpan<double> context, ReadOnlySpan<bool> excluded, double exploration, int arm, Random random)
    {
        var hits = 0;
        for (var draw = 0; draw < EstimateDraws; draw++)
        {
            if (policy.Select(snapshot, context, excluded, exploration, random)?.Arm == arm)
            {
                hits++;
            }
        }

        return (double)hits / EstimateDraws;
    }
}
