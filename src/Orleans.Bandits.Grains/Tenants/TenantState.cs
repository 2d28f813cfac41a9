namespace Orleans.Bandits.Grains.Tenants;

[GenerateSerializer, Alias("bandits.TenantState")]
public sealed class TenantState
{
    [Id(0)]
    public bool Exists { get; set; }

    /// <summary>Key ids issued for this tenant (revoked ones included, for the record).</summary>
    [Id(1)]
    public HashSet<string> KeyIds { get; set; } = [];

    /// <summary>
    /// Experiment ids, written before the experiment itself is: an entry may name an experiment
    /// that never got created (a crash in between), so listings check each one; such an entry holds a place in
    /// the quota until its id is created.
    /// </summary>
    [Id(2)]
    public HashSet<string> Experiments { get; set; } = [];

    /// <summary>
    /// The revoked ones among <see cref="KeyIds"/>, which no longer count against the key quota. A key revoked
    /// before this set was kept counts until it is revoked again.
    /// </summary>
    [Id(3)]
    public HashSet<string> RevokedKeyIds { get; set; } = [];
}
