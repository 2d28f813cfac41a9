namespace Orleans.Bandits.Contracts.Selection;

/// <summary>
/// A per-silo read replica of one experiment (a stateless worker keyed like the experiment):
/// selection is a local sample on the replica's snapshot plus a signed token.
/// </summary>
[Alias("bandits.ISelectorGrain")]
public interface ISelectorGrain : IGrainWithStringKey
{
    [Alias("Select")]
    Task<SelectResult> Select(SelectRequest request);

    /// <summary>The version this silo's replica serves (fetching it first if cold): how a driver waits for training to reach selection.</summary>
    [Alias("GetReplicaVersion")]
    Task<long> GetReplicaVersion();
}
