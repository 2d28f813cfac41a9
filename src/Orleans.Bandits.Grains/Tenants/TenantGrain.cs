using Orleans.Bandits.Primitives.Security;
using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Tenants;

public sealed class TenantGrain(
    [PersistentState("tenant", BanditsProviders.Storage)] IPersistentState<TenantState> tenant)
    : Grain, ITenantGrain
{
    public async Task Create()
    {
        if (tenant.State.Exists)
        {
            throw new BanditsException(BanditsErrorKind.Conflict, $"Tenant '{this.GetPrimaryKeyString()}' already exists.", "id");
        }

        tenant.State.Exists = true;
        await tenant.WriteStateAsync();
    }

    public async Task<IssuedApiKey> IssueKey(string name)
    {
        EnsureExists();
        var (keyId, key, hash) = ApiKeyFormat.NewKey();
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Issue(new ApiKeyRecord(keyId, this.GetPrimaryKeyString(), name, hash, Revoked: false));
        tenant.State.KeyIds.Add(keyId);
        await tenant.WriteStateAsync();
        return new IssuedApiKey(keyId, key);
    }

    public async Task RevokeKey(string keyId)
    {
        EnsureExists();
        if (!tenant.State.KeyIds.Contains(keyId))
        {
            throw new BanditsException(BanditsErrorKind.NotFound, $"Key '{keyId}' does not exist for this tenant.");
        }

        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Revoke();
    }

    public async Task AddExperiment(string experiment)
    {
        if (tenant.State.Experiments.Add(experiment))
        {
            await tenant.WriteStateAsync();
        }
    }

    public async Task RemoveExperiment(string experiment)
    {
        if (tenant.State.Experiments.Remove(experiment))
        {
            await tenant.WriteStateAsync();
        }
    }

    [ReadOnly]
    public Task<ExperimentIndexPage> ListExperiments(string? after, int limit)
    {
        if (limit is < 1 or > ExperimentIndexPage.MaxLimit)
        {
            throw BanditsException.Invalid("limit", $"limit must be between 1 and {ExperimentIndexPage.MaxLimit}.");
        }

        if (after is not null)
        {
            ExperimentId.RequireValidId("after", after);
        }

        // Sorted per call: the set is bounded by the quota, and a sorted copy in the state would change its stored form.
        var names = tenant.State.Experiments
            .Where(name => after is null || string.CompareOrdinal(name, after) > 0)
            .Order(StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var page = names.Take(limit).ToList();
        return Task.FromResult(new ExperimentIndexPage(page, names.Count > limit ? page[^1] : null));
    }

    private void EnsureExists()
    {
        if (!tenant.State.Exists)
        {
            throw new BanditsException(BanditsErrorKind.NotFound, $"Tenant '{this.GetPrimaryKeyString()}' does not exist.");
        }
    }
}
