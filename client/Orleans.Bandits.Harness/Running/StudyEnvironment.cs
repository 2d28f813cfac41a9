using Orleans.Bandits.Harness.Clients;

namespace Orleans.Bandits.Harness.Running;

/// <summary>The fleets and the load balancer a study talks to, and whatever this process started for them.</summary>
public sealed class StudyEnvironment(IReadOnlyList<FleetControlClient> fleets, LoadBalancerClient loadBalancer, IReadOnlyList<IAsyncDisposable> owned) : IAsyncDisposable
{
    public IReadOnlyList<FleetControlClient> Fleets { get; } = fleets;

    public LoadBalancerClient LoadBalancer { get; } = loadBalancer;

    /// <summary>Stops what was started here, the load balancer before the silo it is a client of.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var resource in owned.Reverse())
        {
            await resource.DisposeAsync();
        }
    }
}
