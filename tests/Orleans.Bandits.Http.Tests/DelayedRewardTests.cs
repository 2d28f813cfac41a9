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

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
