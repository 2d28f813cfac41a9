using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Benchmarks.Hosting;

/// <summary>
/// The silo exactly as the local (embedded) mode builds it: the platform plus its in-memory
/// providers. Nothing test-only (no call filters, no shared storage), so the figures are those
/// of the product's own code path.
/// </summary>
public class BenchmarkSiloConfigurator : ISiloConfigurator
{
    /// <summary>
    /// A fixed key: without one the token service generates a key per process and warns; a fixed
    /// key is what a real deployment has, and it keeps every run signing the same way.
    /// </summary>
    public static readonly TokenKey Key = new("bench-key-1", Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public void Configure(ISiloBuilder silo)
    {
        silo.AddBandits();
        AddProviders(silo);
        silo.Services.Configure<TokenOptions>(options => options.Keys = [new TokenKeyOptions { Id = Key.Id, Secret = Convert.ToBase64String(Key.Secret) }]);
    }

    /// <summary>Clustering, grain storage and the feedback stream: what the silo's mode chooses.</summary>
    protected virtual void AddProviders(ISiloBuilder silo) => silo.AddBanditsInMemoryProviders();
}
