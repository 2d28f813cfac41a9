using Microsoft.Extensions.Options;
using Orleans.Bandits.Primitives.Security;
using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Tenants;

/// <summary>
/// A tenant's keys and experiment index, and so the one place its quotas are counted: calls to a grain run one at
/// a time, so two creates can never both take the last place.
/// </summary>
public sealed class TenantGrain(
    [PersistentState("tenant", BanditsProviders.Storage)] IPersistentState<TenantState> tenant,
    IOptions<TenantQuotaOptions> quotas)
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
        var (held, quota) = (tenant.State.KeyIds.Count - tenant.State.RevokedKeyIds.Count, quotas.Value.KeysPerTenant);
        if (held >= quota)
        {
            throw new BanditsException(
                BanditsErrorKind.QuotaExceeded,
                $"Tenant '{this.GetPrimaryKeyString()}' holds {held} unrevoked API keys and its quota is {quota} (Bandits:Quotas:KeysPerTenant); revoke one to issue another.");
        }

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
        if (tenant.State.RevokedKeyIds.Add(keyId))
        {
            await tenant.WriteStateAsync();
        }
    }

    public async Task AddExperiment(string experiment)
    {
        if (tenant.State.Experiments.Contains(experiment))
        {
            return;
        }

        var (held, quota) = (tenant.State.Experiments.Count, quotas.Value.ExperimentsPerTenant);
        if (held >= quota)
        {
            throw new BanditsException(
                BanditsErrorKind.QuotaExceeded,
                $"Tenant '{this.GetPrimaryKeyString()}' holds {held} experiments and its quota is {quota} (Bandits:Quotas:ExperimentsPerTenant); delete one to create another.");
        }

        tenant.State.Experiments.Add(experiment);
        await tenant.WriteStateAsync();
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
