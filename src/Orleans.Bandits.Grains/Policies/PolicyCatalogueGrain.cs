using Orleans.Concurrency;

namespace Orleans.Bandits.Grains.Policies;

/// <summary>Describes the catalogue from the silo's policy library, so clients need not load it.</summary>
[StatelessWorker]
public sealed class PolicyCatalogueGrain : Grain, IPolicyCatalogueGrain
{
    private static readonly IReadOnlyList<PolicyInfo> Catalogue = PolicyCatalogue.All.Select(d => new PolicyInfo(
        d.Name,
        d.Summary,
        d.Contextual,
        d.RewardRange.Min,
        d.RewardRange.Max,
        d.Parameters.Select(p => new PolicyParameterInfo(p.Name, p.Default, p.Description)).ToList(),
        d.Defaults.ReplicaTtl,
        d.Defaults.TrainingInterval)).ToList();

    public Task<IReadOnlyList<PolicyInfo>> List() => Task.FromResult(Catalogue);
}
