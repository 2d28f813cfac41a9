namespace Orleans.Bandits.Policies.Knapsack;

/// <summary>Catalogue entries of the bandits-with-knapsacks policies.</summary>
public static class KnapsackFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        BwkPrimalDualPolicy.Entry,
    ];
}
