using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>The test client can publish to the feedback stream directly, to inject duplicates.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.AddMemoryStreams(BanditsProviders.FeedbackStream);
}
