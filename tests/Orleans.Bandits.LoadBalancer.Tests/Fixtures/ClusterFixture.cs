using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Client;
using Orleans.Bandits.LoadBalancer.Downstream;
using Orleans.Bandits.LoadBalancer.Hosting;
using Orleans.Bandits.LoadBalancer.Routing;
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
    public IBanditsClient OnSilo(int index) =>
        new BanditsClient(((InProcessSiloHandle)Cluster.Silos[index]).SiloHost.Services.GetRequiredService<IGrainFactory>());

    public RequestRouter Router() =>
        new(Client, new HttpDownstreamClient(new HttpClient()), Options, NullLogger<RequestRouter>.Instance);

    public RouteTable Routes() => new(Client, Options);

    public static string NewRoute(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}".ToLowerInvariant();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
