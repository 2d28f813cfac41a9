namespace Orleans.Bandits.Contracts.Tenants;

/// <summary>One API key's record, keyed by its public key id, so a gateway resolves a key with one call.</summary>
[Alias("bandits.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task Issue(ApiKeyRecord record);

    [Alias("Revoke")]
    Task Revoke();

    /// <summary>The record, or <c>null</c> for a key id never issued.</summary>
    [Alias("Describe")]
    Task<ApiKeyRecord?> Describe();
}
