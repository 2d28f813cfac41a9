namespace Orleans.Bandits.Policies.Batched;

/// <summary>Catalogue entries of the policies that change only at fixed batch ends over a known horizon.</summary>
public static class BatchedFamily
{
    public static IReadOnlyList<PolicyDescriptor> Entries { get; } =
    [
        BatchedSuccessiveEliminationPolicy.Entry,
    ];
}
