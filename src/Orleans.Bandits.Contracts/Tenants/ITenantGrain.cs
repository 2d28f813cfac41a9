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

    [Alias("ListExperiments")]
    Task<IReadOnlyList<string>> ListExperiments();
}
