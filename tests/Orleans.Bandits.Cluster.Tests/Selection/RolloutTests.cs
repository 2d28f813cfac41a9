using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Selection;

[Collection(ClusterCollection.Name)]
public sealed class RolloutTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task Thirty_percent_of_ten_thousand_units_are_served_and_every_silo_serves_the_same_units()
    {
        var name = Fixtures.Experiments.NewName("rollout");
        await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["red", "blue"], Serving: new ServingRules(Rollout: new UnitPercentage(30))));
        var units = Enumerable.Range(0, 10_000).Select(i => $"user-{i}").ToArray();

        var onFirst = await RolloutMembership.OfAsync(fixture.OnSilo(0), Tenant, name, units);

        // Membership is a hash, but over 10,000 distinct units it behaves as 10,000 fair draws at p = 0.3: the share's sd is
        // sqrt(0.3 · 0.7 / 10,000) = 0.46 points, so ±1.5 points is more than 3 sd.
        Assert.InRange(onFirst.Count(served => served) / (double)units.Length, 0.285, 0.315);
        for (var silo = 1; silo < fixture.Cluster.Silos.Count; silo++)
        {
            Assert.Equal(onFirst, await RolloutMembership.OfAsync(fixture.OnSilo(silo), Tenant, name, units));
        }
    }

    [Fact]
    public async Task A_unit_outside_the_rollout_gets_the_default_arm_with_no_token_and_records_no_decision()
    {
        var name = Fixtures.Experiments.NewName("rollout-default");
        await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["red", "blue"], Serving: new ServingRules(Rollout: new UnitPercentage(0), DefaultArm: "blue")));

        var result = await fixture.Client.SelectAsync(Tenant, name, new SelectRequest(Unit: "user-1"));

        Assert.Equal("blue", result.Arm);
        Assert.Null(result.Token);
        Assert.True(result.IsDefault);
        Assert.Equal(DefaultReason.Rollout, result.DefaultReason);
        Assert.False(result.Paused);
        Assert.Empty((await fixture.Client.GetEventsAsync(Tenant, name)).Items);
    }

    [Fact]
    public async Task A_rollout_change_is_a_new_version_every_silo_serves_within_the_refresh_interval()
    {
        var name = Fixtures.Experiments.NewName("rollout-change");
        var created = await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["red", "blue"], Serving: new ServingRules(Rollout: new UnitPercentage(0))));
        for (var silo = 0; silo < fixture.Cluster.Silos.Count; silo++)
        {
            Assert.True((await fixture.OnSilo(silo).SelectAsync(Tenant, name, new SelectRequest(Unit: "u"))).IsDefault);
        }

        var changed = await fixture.Client.ChangeServingRulesAsync(Tenant, name, new ServingRulesChange(new ServingRules(Rollout: new UnitPercentage(100)), ServingRuleFields.Rollout));

        Assert.Equal(created.Version + 1, changed.Version);
        Assert.Equal(100, changed.Serving!.Rollout!.Percentage);

        // A control change is published at once; a replica takes it on its next refresh, one TTL. Ten times that bounds
        // the wait, so only a replica that never takes it fails.
        var bound = OperationalDefaults.Stochastic.RefreshInterval * 10;
        for (var silo = 0; silo < fixture.Cluster.Silos.Count; silo++)
        {
            var platform = fixture.OnSilo(silo);
            await Eventually.Until(() => platform.SelectAsync(Tenant, name, new SelectRequest(Unit: "u")), s => s.Token is not null, bound, $"silo {silo} to serve the rollout");
        }
    }

    [Fact]
    public async Task A_refused_rule_changes_nothing()
    {
        var name = Fixtures.Experiments.NewName("rollout-refused");
        var created = await fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(["red", "blue"], Serving: new ServingRules(Rollout: new UnitPercentage(30))));

        var refused = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.ChangeServingRulesAsync(
            Tenant, name, new ServingRulesChange(new ServingRules(Rollout: new UnitPercentage(50), ExplorationFloor: 1), ServingRuleFields.Rollout | ServingRuleFields.ExplorationFloor)));

        Assert.Equal(BanditsErrorKind.Validation, refused.Kind);
        Assert.Equal("explorationFloor", refused.Field);
        var after = await fixture.Client.GetExperimentAsync(Tenant, name);
        Assert.Equal(created.Version, after.Version);
        Assert.Equal(30, after.Serving!.Rollout!.Percentage);
    }
}
