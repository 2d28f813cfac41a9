namespace Orleans.Bandits.Contracts.Tenants;

/// <summary>
/// One page of a tenant's experiment ids, in ordinal order, and <see cref="Next"/>: the id to list after for the
/// next page, <c>null</c> on the last. An id is a stable cursor: pages stay in order while experiments come and go.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentIndexPage")]
public sealed record ExperimentIndexPage([property: Id(0)] IReadOnlyList<string> Names, [property: Id(1)] string? Next)
{
    public const int DefaultLimit = 100;

    /// <summary>The largest page: a page is one grain answer, and each id on it is fetched in turn.</summary>
    public const int MaxLimit = 1000;
}
