using Orleans.Bandits.Client;
using Orleans.Bandits.Testing.Silos;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>A real three-silo cluster in this process.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string Tenant = "acme";

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The platform through the external Orleans client.</summary>
    public IBanditsClient Client => new BanditsClient(Cluster.Client);

    protected virtual short SiloCount => 3;

    /// <summary>The platform as seen from inside one silo (stateless workers activate on that silo).</summary>
    public IBanditsClient OnSilo(int index) => new BanditsClient(TestClusters.GrainsOf(Cluster.Silos[index]));

    public async Task InitializeAsync() =>
        Cluster = await TestClusters.StartAsync<TestSiloConfigurator>(SiloCount, builder =>
        {
            builder.AddClientBuilderConfigurator<TestClientConfigurator>();
            Configure(builder);
        });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Adds to the cluster a fixture of its own needs (e.g. another silo configurator).</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
