using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

/// <summary>A reset forgets what was learned and keeps what was decided: arms, retired arms, policy and settings.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ResetTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task A_reset_clears_the_learned_state_and_decisions_and_keeps_arms_and_settings_as_a_new_version()
    {
        var name = Fixtures.Experiments.NewName("reset");
        var definition = new ExperimentDefinition(
            ["red", "blue", "green"],
            new PolicySpec("thompson-beta", new Dictionary<string, double[]> { ["alpha"] = [2] }),
            FeedbackWindowSeconds: 600,
            ArmMetadata: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["red"] = new Dictionary<string, string> { ["colour"] = "#f00" } },
            Winner: new WinnerRule(0.99, 0.0001));
        await fixture.Client.CreateExperimentAsync(Tenant, name, definition);
        await fixture.Client.RetireArmAsync(Tenant, name, "green");
        for (var i = 0; i < 6; i++)
        {
            var selected = await fixture.Client.SelectAsync(Tenant, name);
            await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(selected.Token!, selected.Arm == "red" ? 1.0 : 0.0));
        }

        await Eventually.Until(() => fixture.Client.GetStatsAsync(Tenant, name), s => s.TrainedEvents == 6 && s.Decisions == 6, TimeSpan.FromSeconds(30), "6 decisions learned");
        var before = await fixture.Client.GetExperimentAsync(Tenant, name);

        var reset = await fixture.Client.ResetExperimentAsync(Tenant, name);

        Assert.True(reset.Version > before.Version, $"version {reset.Version} after {before.Version}");
        Assert.Equal(0, reset.TrainedEvents);
        Assert.Equal(before.Arms.Select(a => (a.Id, a.Retired)), reset.Arms.Select(a => (a.Id, a.Retired)));
        Assert.Equal("#f00", reset.Arms[0].Metadata!["colour"]);
        Assert.True(reset.Arms[2].Retired);
        Assert.Equal([2.0], reset.Policy.Params["alpha"]);
        Assert.Equal(600, reset.FeedbackWindowSeconds);
        Assert.Equal(definition.Winner, reset.Winner);
        Assert.Equal(before.CreatedAt, reset.CreatedAt);

        var stats = await fixture.Client.GetStatsAsync(Tenant, name);
        Assert.Equal(0, stats.TrainedEvents);
        Assert.Equal(0, stats.Decisions);
        Assert.All(stats.Arms, arm => Assert.Equal((0L, 0.0, 0L), (arm.Count, arm.RewardSum, arm.Decisions)));

        // Both active arms are back at the same prior, so their expected losses differ only by the draws' noise: the
        // difference is the mean of 2,000 draws of θ_blue − θ_red, standard error 0.0075 under Beta(2, 1) priors.
        Assert.Equal(stats.Arms[0].ExpectedLoss!.Value, stats.Arms[1].ExpectedLoss!.Value, 0.03);

        var audit = await fixture.Client.GetAuditAsync(Tenant, name);
        Assert.Equal([AuditActions.Create, AuditActions.ArmRetired, AuditActions.Reset], audit.Select(e => e.Action));
        Assert.All(audit, entry => Assert.Equal(AuditActor.Admin, entry.Actor));
    }

    [Fact]
    public async Task Resetting_an_unknown_experiment_is_not_found()
    {
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.ResetExperimentAsync(Tenant, Fixtures.Experiments.NewName("missing")));
        Assert.Equal(BanditsErrorKind.NotFound, error.Kind);
    }
}
