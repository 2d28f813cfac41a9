namespace Orleans.Bandits.Policies.Adversarial;

/// <summary>Catalogue entries of the adversarial policies (importance-weighted, no stochastic assumption).</summary>
public static class AdversarialFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        Exp3Policy.Entry,
        Exp3IxPolicy.Entry,
    ];
}
