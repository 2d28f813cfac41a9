using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Orleans.Bandits.Testing.Silos;

/// <summary>
/// A silo as the local mode builds it (the platform and its in-memory providers), signing with <see cref="Key"/>
/// so tokens verify on every silo and outlive the one that issued them. Subclasses change the providers
/// (<see cref="AddProviders"/>) or add what a test needs (<see cref="Customize"/>).
/// </summary>
public class TestSilo : ISiloConfigurator
{
    /// <summary>The key every test and benchmark silo signs and verifies with.</summary>
    public static readonly TokenKey Key = new("test-key-1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public void Configure(ISiloBuilder silo)
    {
        silo.AddBandits().UseBanditsTokenKey(Key);
        AddProviders(silo);
        Customize(silo);
    }

    /// <summary>Clustering aside (the test cluster provides it): grain storage and the feedback stream.</summary>
    protected virtual void AddProviders(ISiloBuilder silo) => silo.AddBanditsInMemoryProviders();

    protected virtual void Customize(ISiloBuilder silo)
    {
    }

    /// <summary>A killed silo is declared dead in about 3 s instead of Orleans' default of about a minute.</summary>
    protected static void DetectFailuresFast(ISiloBuilder silo) => silo.Configure<ClusterMembershipOptions>(options =>
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 1;
    });
}
