namespace Orleans.Bandits.Grains.Tenants;

/// <summary>
/// Configuration section <c>Bandits:Quotas</c>: what one tenant may hold at once. Tenants share the silos, so
/// without a quota one of them could create experiments (each up to the state budget) or keys without end.
/// A deleted experiment or a revoked key frees its place.
/// </summary>
public sealed class TenantQuotaOptions
{
    public const string Section = "Bandits:Quotas";

    public int ExperimentsPerTenant { get; set; } = 1000;

    public int KeysPerTenant { get; set; } = 100;
}
