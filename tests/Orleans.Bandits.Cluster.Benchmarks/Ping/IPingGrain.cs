namespace Orleans.Bandits.Cluster.Benchmarks.Ping;

/// <summary>
/// The cheapest grain call there is: the yardstick a select is compared against, so the table
/// shows what selection adds on top of the Orleans call itself.
/// </summary>
[Alias("bench.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task Ping();
}
