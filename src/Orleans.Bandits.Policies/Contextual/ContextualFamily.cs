namespace Orleans.Bandits.Policies.Contextual;

/// <summary>Catalogue entries of the contextual policies (linear and logistic).</summary>
public static class ContextualFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        LinUcbPolicy.Entry,
        LinThompsonPolicy.Entry,
        LogisticThompsonPolicy.Entry,
        GlmUcbPolicy.Entry,
    ];
}
