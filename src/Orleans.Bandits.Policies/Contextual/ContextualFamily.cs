namespace Orleans.Bandits.Policies.Contextual;

/// <summary>Catalogue entries of the contextual (linear) policies.</summary>
public static class ContextualFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        LinUcbPolicy.Entry,
        LinThompsonPolicy.Entry,
    ];
}
