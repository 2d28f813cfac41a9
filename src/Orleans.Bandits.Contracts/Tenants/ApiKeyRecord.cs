namespace Orleans.Bandits.Contracts.Tenants;

/// <summary>What the platform stores about an API key: never the key itself, only its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("bandits.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Tenant,
    [property: Id(2)] string Name,
    [property: Id(3)] byte[] SecretHash,
    [property: Id(4)] bool Revoked);
