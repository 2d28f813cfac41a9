using Orleans.Bandits.Cluster.Tests.Fixtures;

namespace Orleans.Bandits.Cluster.Tests.Experiments;

[Collection(ClusterCollection.Name)]
public sealed class ExperimentLifecycleTests(ClusterFixture fixture)
{
    private const string Tenant = ClusterFixture.Tenant;

    [Fact]
    public async Task A_created_experiment_has_defaults_and_cannot_be_created_twice()
    {
        var name = Fixtures.Experiments.NewName("create");
        var view = await fixture.Client.CreateAsync(name, "red", "blue");
        Assert.Equal("thompson-beta", view.Policy.Name);
        Assert.Equal([1.0], view.Policy.Params["alpha"]);
        Assert.Equal(ExperimentDefinition.DefaultFeedbackWindowSeconds, view.FeedbackWindowSeconds);
        Assert.Equal(ExperimentStatus.Running, view.Status);

        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.CreateAsync(name, "red"));
        Assert.Equal(BanditsErrorKind.Conflict, error.Kind);
    }

    [Theory]
    [InlineData(new string[0], "arms")]
    [InlineData(new[] { "Red" }, "arms[0].id")]
    [InlineData(new[] { "a", "a" }, "arms")]
    public async Task Invalid_definitions_are_refused_and_nothing_is_created(string[] arms, string field)
    {
        var name = Fixtures.Experiments.NewName("invalid");
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.CreateExperimentAsync(Tenant, name, new ExperimentDefinition(arms)));
        Assert.Equal(BanditsErrorKind.Validation, error.Kind);
        Assert.Equal(field, error.Field);
        var missing = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.GetExperimentAsync(Tenant, name));
        Assert.Equal(BanditsErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Invalid_policy_parameters_name_the_field()
    {
        var definition = new ExperimentDefinition(["a"], new PolicySpec("thompson-beta", new Dictionary<string, double[]> { ["alpha"] = [0] }));
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.CreateExperimentAsync(Tenant, Fixtures.Experiments.NewName("bad-policy"), definition));
        Assert.Equal("policy.params.alpha", error.Field);
    }

    [Fact]
    public async Task A_paused_experiment_serves_the_first_arm_without_a_token_until_resumed()
    {
        var name = Fixtures.Experiments.NewName("pause");
        await fixture.Client.CreateAsync(name, "first", "second");
        var paused = await fixture.Client.SetStatusAsync(Tenant, name, ExperimentStatus.Paused);
        Assert.Equal(ExperimentStatus.Paused, paused.Status);

        var selection = await Eventually.Until(() => fixture.Client.SelectAsync(Tenant, name), s => s.Paused, TimeSpan.FromSeconds(10), "the pause to reach the replica");
        Assert.Equal("first", selection.Arm);
        Assert.Null(selection.Token);

        var running = await fixture.Client.SetStatusAsync(Tenant, name, ExperimentStatus.Running);
        Assert.True(running.Version > paused.Version);
        var resumed = await Eventually.Until(() => fixture.Client.SelectAsync(Tenant, name), s => !s.Paused, TimeSpan.FromSeconds(10), "the resume to reach the replica");
        Assert.NotNull(resumed.Token);
    }

    [Fact]
    public async Task Added_arms_are_selectable_and_retired_arms_never_again_while_their_tokens_still_count()
    {
        var name = Fixtures.Experiments.NewName("arms");
        await fixture.Client.CreateAsync(name, "old");
        var oldToken = (await fixture.Client.SelectAsync(Tenant, name)).Token!;

        await fixture.Client.AddArmAsync(Tenant, name, "new");
        var duplicate = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.AddArmAsync(Tenant, name, "new"));
        Assert.Equal(BanditsErrorKind.Conflict, duplicate.Kind);

        await fixture.Client.RetireArmAsync(Tenant, name, "old");
        await Eventually.Until(
            async () => (await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => fixture.Client.SelectAsync(Tenant, name)))).All(s => s.Arm == "new"),
            onlyNew => onlyNew,
            TimeSpan.FromSeconds(10),
            "the retirement to reach the replica");

        await fixture.Client.FeedbackAsync(Tenant, new FeedbackRequest(oldToken, 1));
        var stats = await fixture.Client.TrainedAsync(name, 1);
        Assert.Equal(1, stats.Arms.Single(a => a.Id == "old").Count);
        Assert.True(stats.Arms.Single(a => a.Id == "old").Retired);

        var unknown = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.RetireArmAsync(Tenant, name, "nope"));
        Assert.Equal(BanditsErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task When_every_arm_is_excluded_selection_says_no_arm_is_available()
    {
        var name = Fixtures.Experiments.NewName("exclude");
        await fixture.Client.CreateAsync(name, "a", "b");
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.SelectAsync(Tenant, name, new SelectRequest(Exclude: ["a", "b"])));
        Assert.Equal(BanditsErrorKind.NoArmAvailable, error.Kind);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("b", (await fixture.Client.SelectAsync(Tenant, name, new SelectRequest(Exclude: ["a"]))).Arm);
        }
    }

    [Fact]
    public async Task A_deleted_experiment_is_gone()
    {
        var name = Fixtures.Experiments.NewName("delete");
        await fixture.Client.CreateAsync(name);
        await fixture.Client.DeleteExperimentAsync(Tenant, name);
        var error = await Assert.ThrowsAsync<BanditsException>(() => fixture.Client.GetExperimentAsync(Tenant, name));
        Assert.Equal(BanditsErrorKind.NotFound, error.Kind);
        var recreated = await fixture.Client.CreateAsync(name, "x");
        Assert.Equal(0, recreated.TrainedEvents);
    }
}
