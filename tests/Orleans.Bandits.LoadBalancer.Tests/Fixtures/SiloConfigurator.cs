using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Grains.Tokens;
using Orleans.TestingHost;

namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>Silos as the local mode builds them, sharing one token key so feedback verifies on whichever silo takes it.</summary>
public sealed class SiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder silo)
    {
        silo.AddBandits().AddBanditsInMemoryProviders();
        silo.Services.Configure<TokenOptions>(options => options.Keys =
            [new TokenKeyOptions { Id = "lb-tests", Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) }]);
    }
}
