using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Testing.Silos;

/// <summary>The test cluster's own client finds the silos through Redis membership, as a gateway in production does.</summary>
public class RedisClusterClient : IClientBuilderConfigurator
{
    public virtual void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.UseRedisClustering(configuration[TestClusters.RedisConnectionStringKey]
            ?? throw new InvalidOperationException($"The cluster did not pass {TestClusters.RedisConnectionStringKey}."));
}
