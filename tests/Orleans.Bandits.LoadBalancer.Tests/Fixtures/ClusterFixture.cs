using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Client;
using Orleans.Bandits.LoadBalancer.Downstream;
using Orleans.Bandits.LoadBalancer.Hosting;
using Orleans.Bandits.LoadBalancer.Routing;
using Orleans.Bandits.Testing.Silos;
using Orleans.TestingHost;

namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>A three-silo cluster in this process and the load balancer's router as an external Orleans client of it.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Tenant = "lb-tests";

    private static int _counter;

    public TestCluster Cluster { get; private set; } = null!;

    public IBanditsClient Client => new BanditsClient(Cluster.Client);

    public IOptions<LoadBalancerOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new LoadBalancerOptions { Tenant = Tenant });

    /// <summary>The platform as seen from inside one silo: selector replicas activate on that silo.</summary>
    public IBanditsClient OnSilo(int index) => new BanditsClient(TestClusters.GrainsOf(Cluster.Silos[index]));

    public RequestRouter Router() =>
        new(Client, new HttpDownstreamClient(new HttpClient()), Options, NullLogger<RequestRouter>.Instance);

    public RouteTable Routes() => new(Client, Options);

    public static string NewRoute(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}".ToLowerInvariant();

    /// <summary>Silos as the local mode builds them, sharing the test key so feedback verifies on whichever silo takes it.</summary>
    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync<TestSilo>(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
