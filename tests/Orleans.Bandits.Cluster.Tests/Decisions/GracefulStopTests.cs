using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Cluster.Tests.Fixtures;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Orleans.Bandits.Cluster.Tests.Decisions;

/// <summary>
/// A silo that stops gracefully appends the decisions its recorder gathered before it goes. The recorder here gathers
/// for a minute, so nothing but the stop can append them: a lost decision would show as a missing count.
/// </summary>
public sealed class GracefulStopTests(GracefulStopTests.LongGatherCluster fixture) : IClassFixture<GracefulStopTests.LongGatherCluster>
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task A_stopping_silo_appends_the_decisions_it_gathered()
    {
        const int selects = 40;
        var name = Fixtures.Experiments.NewName("graceful-stop");
        await fixture.Client.CreateAsync(name);

        // Stats activate the experiment's decision log. In local mode a log lives in the memory of the silo that hosts
        // its grain, so the silo that leaves must be another one (and not the primary, which holds membership).
        Assert.Equal(0, (await fixture.Client.GetStatsAsync(Tenant, name)).Decisions);
        var log = fixture.Cluster.Client.GetGrain<IDecisionLogGrain>(DecisionLogKey.For(new ExperimentId(Tenant, name).Key, generation: 0));
        var logHost = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(log);
        var leavingIndex = fixture.Cluster.Silos[1].SiloAddress.Equals(logHost) ? 2 : 1;
        var leaving = fixture.Cluster.Silos[leavingIndex];
        var platform = fixture.OnSilo(leavingIndex);
        for (var i = 0; i < selects; i++)
        {
            await platform.SelectAsync(Tenant, name);
        }

        Assert.Equal(0, (await fixture.Client.GetStatsAsync(Tenant, name)).Decisions);

        // What a crash now would lose is on the gauge (summed over the process's silos, so other tests' decisions may add to it).
        Assert.True(WaitingDecisions() >= selects, "the gathered decisions are not reported as waiting");

        await fixture.Cluster.StopSiloAsync(leaving);

        var stats = await Eventually.Until(
            () => fixture.Client.GetStatsAsync(Tenant, name),
            s => s.Decisions >= selects,
            TimeSpan.FromSeconds(30),
            $"the {selects} gathered decisions appended by the stopping silo");
        Assert.Equal(selects, stats.Decisions);
    }

    private static long WaitingDecisions()
    {
        long waiting = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == BanditsTelemetry.MeterName && instrument.Name == "bandits.decisions.waiting")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => waiting += value);
        listener.Start();
        listener.RecordObservableInstruments();
        return waiting;
    }

    /// <summary>Three silos whose recorders gather for a minute.</summary>
    public sealed class LongGatherCluster : ClusterFixture
    {
        protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<LongGather>();

        private sealed class LongGather : ISiloConfigurator
        {
            public void Configure(ISiloBuilder silo) =>
                silo.Services.Configure<DecisionLogOptions>(options => options.GatherMilliseconds = 60_000);
        }
    }
}
