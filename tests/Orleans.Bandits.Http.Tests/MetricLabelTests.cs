using System.Net;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// <c>/metrics</c> names no experiment unless the operator enables <c>Bandits:Metrics:ExperimentLabels</c>: the label is
/// <c>tenant/name</c>, so it told whoever scraped every tenant's experiments (before this change, always, for the first
/// 100 experiments a process saw).
/// </summary>
public sealed class MetricLabelTests(AuthenticatedSiloFixture unlabelled, ExperimentLabelsSiloFixture labelled)
    : IClassFixture<AuthenticatedSiloFixture>, IClassFixture<ExperimentLabelsSiloFixture>
{
    [Fact]
    public async Task By_default_metrics_carry_no_experiment_label_but_keep_their_other_labels()
    {
        var api = new ApiCalls(unlabelled.Http);
        await SelectAndRefuse(api, "labels-off", "secret-launch-plan");

        var text = await ScrapeUntil(api, t => t.Contains("bandits_selections", StringComparison.Ordinal) && t.Contains("reason=\"InvalidToken\"", StringComparison.Ordinal));

        Assert.DoesNotContain("experiment=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-launch-plan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_the_operator_enables_them_metrics_are_labelled_per_experiment()
    {
        var api = new ApiCalls(labelled.Http);
        await SelectAndRefuse(api, "labels-on", "launch-plan");

        var text = await ScrapeUntil(api, t => t.Contains("experiment=\"labels-on/launch-plan\"", StringComparison.Ordinal));

        Assert.Contains("experiment=\"labels-on/launch-plan\"", text, StringComparison.Ordinal);
        Assert.Contains("reason=\"InvalidToken\"", text, StringComparison.Ordinal);
    }

    /// <summary>A tenant's experiment with a few selections, and one feedback refused for its token.</summary>
    private static async Task SelectAndRefuse(ApiCalls api, string tenant, string experiment)
    {
        var key = await api.NewTenantKey(tenant);
        Assert.Equal(HttpStatusCode.Created, (await api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = experiment, arms = new[] { new { id = "a" }, new { id = "b" } } })).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.Send(key, HttpMethod.Post, $"/v1/experiments/{experiment}/select", new { })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await api.Send(key, HttpMethod.Post, "/v1/feedback", new { token = "forged", reward = 1 })).StatusCode);
    }

    /// <summary>The admin's scrape, repeated (bounded) until it shows what the requests above recorded: the exporter caches a scrape briefly.</summary>
    private static Task<string> ScrapeUntil(ApiCalls api, Func<string, bool> recorded) => Eventually.Until(
        async () =>
        {
            var response = await api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Get, "/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        },
        recorded,
        TimeSpan.FromSeconds(10),
        "the selections and the refused feedback in the scrape",
        TimeSpan.FromMilliseconds(100));
}
