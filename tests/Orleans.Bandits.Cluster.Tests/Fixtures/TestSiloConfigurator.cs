using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>Silos as the local mode builds them, with storage that outlives a silo and fast failure detection.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    /// <summary>The key every test silo signs and verifies with.</summary>
    public static readonly TokenKey Key = new("test-key-1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public void Configure(ISiloBuilder silo)
    {
        silo.AddBandits();
        silo.AddMemoryGrainStorage(BanditsProviders.PubSubStore);
        silo.AddBanditsMemoryStreams();
        silo.Services.AddGrainStorage(BanditsProviders.Storage, (sp, name) => new ProcessWideGrainStorage(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, name, sp.GetRequiredService<Serializer>()));
        silo.AddIncomingGrainCallFilter<SnapshotGate>();
        silo.AddIncomingGrainCallFilter<SnapshotCallCounter>();
        silo.Services.Configure<TokenOptions>(options => options.Keys = [new TokenKeyOptions { Id = Key.Id, Secret = Convert.ToBase64String(Key.Secret) }]);
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.NumMissedProbesLimit = 2;
            options.NumVotesForDeathDeclaration = 1;
        });
    }
}
