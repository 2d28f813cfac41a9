using Orleans.Concurrency;

namespace Orleans.Bandits.Cluster.Benchmarks.Ping;

/// <summary>
/// A stateless worker like the selector grain, so both calls take the same path (local
/// activation on the calling silo, same worker limit) and differ only in the work they do.
/// </summary>
[StatelessWorker]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task Ping() => Task.CompletedTask;
}
