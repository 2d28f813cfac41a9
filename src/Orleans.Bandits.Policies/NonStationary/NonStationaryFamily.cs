namespace Orleans.Bandits.Policies.NonStationary;

/// <summary>Catalogue entries of the policies for drifting rewards (windowed and discounted).</summary>
public static class NonStationaryFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        SlidingWindowThompsonPolicy.Entry,
        DiscountedThompsonPolicy.Entry,
        SlidingWindowUcbPolicy.Entry,
    ];
}
