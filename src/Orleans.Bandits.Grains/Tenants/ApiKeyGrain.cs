using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Tenants;

public sealed class ApiKeyGrain(
    [PersistentState("apikey", BanditsProviders.Storage)] IPersistentState<ApiKeyState> key)
    : Grain, IApiKeyGrain
{
    public async Task Issue(ApiKeyRecord record)
    {
        if (key.State.Record is not null)
        {
            throw new BanditsException(BanditsErrorKind.Conflict, "The key id is already in use.");
        }

        key.State.Record = record;
        await key.WriteStateAsync();
    }

    public async Task Revoke()
    {
        if (key.State.Record is { Revoked: false } record)
        {
            key.State.Record = record with { Revoked = true };
            await key.WriteStateAsync();
        }
    }

    [ReadOnly]
    public Task<ApiKeyRecord?> Describe() => Task.FromResult(key.State.Record);
}
