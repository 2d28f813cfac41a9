using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Testing.Silos;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>Silos as the local mode builds them, with storage that outlives a silo, call filters the tests steer, and fast failure detection.</summary>
public sealed class TestSiloConfigurator : TestSilo
{
    protected override void AddProviders(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(BanditsProviders.PubSubStore);
        silo.AddBanditsMemoryStreams();
        silo.Services.AddGrainStorage(BanditsProviders.Storage, (sp, name) => new ProcessWideGrainStorage(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, name, sp.GetRequiredService<Serializer>()));
    }

    protected override void Customize(ISiloBuilder silo)
    {
        silo.AddIncomingGrainCallFilter<SnapshotGate>();
        silo.AddIncomingGrainCallFilter<SnapshotCallCounter>();
        DetectFailuresFast(silo);
    }
}
