namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>Catalogue entries of the stationary stochastic policies.</summary>
public static class StochasticFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        ThompsonBetaPolicy.Entry,
        ThompsonGaussianPolicy.Entry,
        Ucb1Policy.Entry,
        Ucb1TunedPolicy.Entry,
        KlUcbPolicy.Entry,
        EpsilonGreedyPolicy.Entry,
        SoftmaxPolicy.Entry,
        ExploreFirstPolicy.Entry,
        RandomPolicy.Entry,
        MossPolicy.Entry,
        FollowThePerturbedLeaderPolicy.Entry,
        DirichletThompsonPolicy.Entry,
    ];
}
