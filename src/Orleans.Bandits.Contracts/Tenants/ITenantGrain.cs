namespace Orleans.Bandits.Contracts.Tenants;

/// <summary>A tenant: its API keys and the index of its experiments. Keyed by tenant id.</summary>
[Alias("bandits.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <exception cref="BanditsException">Conflict when the tenant exists.</exception>
    [Alias("Create")]
    Task Create();

    /// <exception cref="BanditsException">NotFound when the tenant does not exist.</exception>
    [Alias("IssueKey")]
    Task<IssuedApiKey> IssueKey(string name);

    /// <exception cref="BanditsException">NotFound for an unknown tenant or key.</exception>
    [Alias("RevokeKey")]
    Task RevokeKey(string keyId);

    [Alias("AddExperiment")]
    Task AddExperiment(string experiment);

    [Alias("RemoveExperiment")]
    Task RemoveExperiment(string experiment);

    /// <summary>Up to <paramref name="limit"/> experiment ids after <paramref name="after"/> (from the first when <c>null</c>), in ordinal order.</summary>
    /// <exception cref="BanditsException">Validation when <paramref name="limit"/> is outside 1 to <see cref="ExperimentIndexPage.MaxLimit"/> or <paramref name="after"/> is not an id.</exception>
    [Alias("ListExperimentsPaged")]
    Task<ExperimentIndexPage> ListExperiments(string? after, int limit);
}
