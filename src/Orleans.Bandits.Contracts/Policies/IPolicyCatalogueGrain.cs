namespace Orleans.Bandits.Contracts.Policies;

/// <summary>
/// The policy catalogue as the silos know it (a stateless worker, answered on the local silo), so a
/// client or gateway can describe the policies without loading the algorithms.
/// </summary>
[Alias("bandits.IPolicyCatalogueGrain")]
public interface IPolicyCatalogueGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<PolicyInfo>> List();
}
