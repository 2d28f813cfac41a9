using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Benchmarks.Hosting;

/// <summary>
/// The test cluster's own client finds the silo through Redis membership. The benchmark calls through
/// the silo's grain factory, not this client; the test host merely insists on starting one.
/// </summary>
public sealed class RedisBenchmarkClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.UseRedisClustering(configuration[RedisBenchmarkSiloConfigurator.ConnectionStringKey]
            ?? throw new InvalidOperationException($"The benchmark cluster did not pass {RedisBenchmarkSiloConfigurator.ConnectionStringKey}."));
}
