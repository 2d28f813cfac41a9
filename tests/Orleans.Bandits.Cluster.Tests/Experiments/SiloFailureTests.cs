using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Runtime;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

/// <summary>Its own cluster, because it kills a silo.</summary>
public sealed class SiloFailureTests : IClassFixture<ClusterFixture>
{
    private const string Tenant = ClusterFixture.Tenant;
    private readonly ClusterFixture _fixture;

    public SiloFailureTests(ClusterFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_killed_silo_s_experiment_reactivates_elsewhere_with_its_learned_state_and_selection_keeps_answering()
    {
        const int events = 300;
        var cluster = _fixture.Cluster;
        var management = cluster.Client.GetGrain<IManagementGrain>(0);

        // Find an experiment whose grain lives on a secondary silo (the primary hosts the test
        // membership table, so killing it would end the cluster rather than test failover).
        string name;
        SiloAddress? host;
        var attempts = 0;
        do
        {
            name = Fixtures.Experiments.NewName("failover");
            await _fixture.Client.CreateAsync(name);
            host = await management.GetActivationAddress(cluster.Client.GetGrain<IExperimentGrain>(new ExperimentId(Tenant, name).Key));
        }
        while ((host is null || host.Equals(cluster.Primary!.SiloAddress)) && ++attempts < 30);
        Assert.NotNull(host);
        Assert.NotEqual(cluster.Primary!.SiloAddress, host);

        var primary = _fixture.OnSilo(0);
        for (var i = 0; i < events; i++)
        {
            var selection = await primary.SelectAsync(Tenant, name);
            await primary.FeedbackAsync(Tenant, new FeedbackRequest(selection.Token!, i % 3 == 0 ? 1 : 0));
        }

        var before = await _fixture.Client.TrainedAsync(name, events);
        var victim = cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        await cluster.KillSiloAsync(victim);

        // The primary's replica keeps answering while the experiment grain is gone.
        for (var i = 0; i < 100; i++)
        {
            Assert.False(string.IsNullOrEmpty((await primary.SelectAsync(Tenant, name)).Arm));
        }

        var after = await Eventually.Until(
            async () =>
            {
                try
                {
                    return await primary.GetStatsAsync(Tenant, name);
                }
                catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
                {
                    return null;
                }
            },
            stats => stats is not null,
            TimeSpan.FromSeconds(60),
            "the experiment to reactivate on a surviving silo");

        Assert.Equal(before.TrainedEvents, after!.TrainedEvents);
        Assert.Equal(before.Arms.Select(a => a.Count), after.Arms.Select(a => a.Count));
        Assert.Equal(before.Arms.Select(a => a.RewardSum), after.Arms.Select(a => a.RewardSum));
        var newHost = await management.GetActivationAddress(cluster.Client.GetGrain<IExperimentGrain>(new ExperimentId(Tenant, name).Key));
        Assert.NotEqual(host, newHost);
    }
}
