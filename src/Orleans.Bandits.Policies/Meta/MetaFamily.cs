namespace Orleans.Bandits.Policies.Meta;

/// <summary>Catalogue entries of the policies that run other catalogue policies.</summary>
public static class MetaFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        AutoPolicy.Entry,
    ];
}
