using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Client;
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
    public IBanditsClient OnSilo(int index) =>
        new BanditsClient(((InProcessSiloHandle)Cluster.Silos[index]).SiloHost.Services.GetRequiredService<IGrainFactory>());

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(SiloCount);
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
