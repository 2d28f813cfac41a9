using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>rewardWaitSeconds and defaultReward over HTTP: what a create accepts, and what a decision with no feedback learns.</summary>
public sealed class DelayedRewardTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private HttpClient Http => fixture.Http;

    [Theory]
    [InlineData("wait-alone", 60, null, 86400, "defaultReward")]
    [InlineData("default-alone", null, 0.0, 86400, "defaultReward")]
    [InlineData("wait-too-long", 604801, 0.0, 2592000, "rewardWaitSeconds")]
    [InlineData("wait-beyond-window", 120, 0.0, 60, "rewardWaitSeconds")]
    [InlineData("default-out-of-range", 60, 2.0, 86400, "defaultReward")]
    public async Task An_inconsistent_reward_wait_is_refused_naming_the_field_and_nothing_is_created(string id, int? rewardWaitSeconds, double? defaultReward, int feedbackWindowSeconds, string field)
    {
        var response = await Http.PostAsJsonAsync("/v1/experiments", new { id, arms = new[] { new { id = "a" } }, rewardWaitSeconds, defaultReward, feedbackWindowSeconds });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_decision_without_feedback_is_learned_with_the_default_and_later_feedback_gets_410()
    {
        var created = await Json(await Http.PostAsJsonAsync("/v1/experiments", new { id = "waits", arms = new[] { new { id = "only" } }, rewardWaitSeconds = 1, defaultReward = 0.25, policy = new { name = "epsilon-greedy" } }));
        Assert.Equal(1, created.GetProperty("rewardWaitSeconds").GetInt32());
        Assert.Equal(0.25, created.GetProperty("defaultReward").GetDouble());
        var token = (await Json(await Http.PostAsJsonAsync("/v1/experiments/waits/select", new { }))).GetProperty("token").GetString();

        var stats = await Eventually.Until(
            async () => await Json(await Http.GetAsync("/v1/experiments/waits/stats")),
            s => s.GetProperty("defaultRewards").GetInt64() >= 1,
            TimeSpan.FromSeconds(30),
            "the decision learned with its default");
        var late = await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1 });

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.EndsWith("reward-window-closed", (await Json(late)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, stats.GetProperty("decisions").GetInt64());
        Assert.Equal(1, stats.GetProperty("trainedEvents").GetInt64());
        var arm = stats.GetProperty("arms")[0];
        Assert.Equal(1, arm.GetProperty("decisions").GetInt64());
        Assert.Equal(0.25, arm.GetProperty("rewardSum").GetDouble());
    }

    [Fact]
    public async Task Events_are_exported_as_json_pages_and_as_ndjson_with_the_contract_field_names()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "exported", arms = new[] { new { id = "only" } } });
        var token = (await Json(await Http.PostAsJsonAsync("/v1/experiments/exported/select", new { }))).GetProperty("token").GetString();
        await Http.PostAsJsonAsync("/v1/experiments/exported/select", new { });
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1, eventId = "bought" })).StatusCode);

        await Eventually.Until(
            async () => await Json(await Http.GetAsync("/v1/experiments/exported/stats")),
            s => s.GetProperty("decisions").GetInt64() == 2,
            TimeSpan.FromSeconds(30),
            "both decisions recorded");
        var page = await Json(await Http.GetAsync("/v1/experiments/exported/events?limit=1"));
        var first = page.GetProperty("items")[0];
        Assert.Equal(
            ["selectionId", "eventId", "arm", "propensity", "context", "version", "policy", "selectedAt", "reward", "costs", "rewardedAt", "defaulted", "holdout"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bought", first.GetProperty("eventId").GetString());
        Assert.Equal(1, first.GetProperty("reward").GetDouble());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/experiments/exported/events?after={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}");
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var ndjson = await Http.SendAsync(request);

        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType?.MediaType);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var pending = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("reward").ValueKind);
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("eventId").ValueKind);
        Assert.False(ndjson.Headers.Contains("Bandits-Next-Cursor"));
    }

    [Fact]
    public async Task A_forged_cursor_is_a_400_problem()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "forged", arms = new[] { new { id = "only" } } });

        var response = await Http.GetAsync("/v1/experiments/forged/events?after=%2B%2B");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("after", (await Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
