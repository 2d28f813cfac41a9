namespace Orleans.Bandits.Policies.Catalogue;

/// <summary>A catalogue entry: what a policy is called, what it accepts and how to build it.</summary>
public sealed record PolicyDescriptor(
    string Name,
    string Summary,
    bool Contextual,
    RewardRange RewardRange,
    IReadOnlyList<ParameterDescriptor> Parameters,
    OperationalDefaults Defaults,
    bool HasPosterior,
    Func<PolicyDescriptor, PolicyParameters, int, IBanditPolicy> Factory);
