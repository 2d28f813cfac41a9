namespace Orleans.Bandits.Contracts.Tenants;

/// <summary>A tenant: its API keys and the index of its experiments. Keyed by tenant id.</summary>
[Alias("bandits.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <exception cref="BanditsException">Conflict when the tenant exists.</exception>
    [Alias("Create")]
    Task Create();

    /// <exception cref="BanditsException">NotFound when the tenant does not exist; QuotaExceeded when it holds its quota of unrevoked keys.</exception>
    [Alias("IssueKey")]
    Task<IssuedApiKey> IssueKey(string name);

    /// <exception cref="BanditsException">NotFound for an unknown tenant or key.</exception>
    [Alias("RevokeKey")]
    Task RevokeKey(string keyId);

    /// <summary>Indexes an experiment about to be created; an id already indexed is left as it is.</summary>
    /// <exception cref="BanditsException">QuotaExceeded when the tenant holds its quota of experiments.</exception>
    [Alias("AddExperiment")]
    Task AddExperiment(string experiment);

    [Alias("RemoveExperiment")]
    Task RemoveExperiment(string experiment);

    /// <summary>Up to <paramref name="limit"/> experiment ids after <paramref name="after"/> (from the first when <c>null</c>), in ordinal order.</summary>
    /// <exception cref="BanditsException">Validation when <paramref name="limit"/> is outside 1 to <see cref="ExperimentIndexPage.MaxLimit"/> or <paramref name="after"/> is not an id.</exception>
    [Alias("ListExperimentsPaged")]
    Task<ExperimentIndexPage> ListExperiments(string? after, int limit);
}
