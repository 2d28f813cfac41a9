namespace Orleans.Bandits.Contracts;

/// <summary>
/// A per-silo read replica of one experiment (a stateless worker keyed like the experiment):
/// selection is a local sample on the replica's snapshot plus a signed token.
/// </summary>
[Alias("bandits.ISelectorGrain")]
public interface ISelectorGrain : IGrainWithStringKey
{
    [Alias("Select")]
    Task<SelectResult> Select(SelectRequest request);

    /// <summary>The replica's snapshot (refreshing it if cold); used to validate feedback locally.</summary>
    [Alias("GetReplica")]
    Task<ExperimentSnapshot> GetReplica();
}
