using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Every route of API.md over real HTTP, with the statuses the contract gives them.</summary>
public sealed class RouteCoverageTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Experiments_can_be_listed_paused_resumed_extended_retired_and_deleted()
    {
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/v1/experiments", new { id = "routes", arms = new[] { new { id = "red" }, new { id = "blue" } }, feedbackWindowSeconds = 600 })).StatusCode);
        var listed = await Http.GetFromJsonAsync<JsonElement>("/v1/experiments");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == "routes");

        var paused = await Http.PatchAsJsonAsync("/v1/experiments/routes", new { status = "paused" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal("paused", (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var pausedSelection = await Until(
            async () => await (await Http.PostAsJsonAsync("/v1/experiments/routes/select", new { })).Content.ReadFromJsonAsync<JsonElement>(),
            s => s.TryGetProperty("paused", out var p) && p.GetBoolean());
        Assert.Equal("red", pausedSelection.GetProperty("arm").GetString());
        Assert.Equal(JsonValueKind.Null, pausedSelection.GetProperty("token").ValueKind);
        Assert.Equal("running", (await (await Http.PatchAsJsonAsync("/v1/experiments/routes", new { status = "running" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var added = await Http.PostAsJsonAsync("/v1/experiments/routes/arms", new { id = "green" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(3, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("arms").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await Http.PostAsJsonAsync("/v1/experiments/routes/arms", new { id = "green" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync("/v1/experiments/routes/arms/red")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync("/v1/experiments/routes/arms/purple")).StatusCode);
        var experiment = await Http.GetFromJsonAsync<JsonElement>("/v1/experiments/routes");
        Assert.DoesNotContain(experiment.GetProperty("arms").EnumerateArray(), a => a.GetProperty("id").GetString() == "red");

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync("/v1/experiments/routes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/v1/experiments/routes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync("/v1/experiments/routes")).StatusCode);
    }

    [Fact]
    public async Task Batch_feedback_reports_accepted_and_rejected_items_and_unavailable_masks_the_arm()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "batched", arms = new[] { new { id = "a" }, new { id = "b" } } });
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add((await (await Http.PostAsJsonAsync("/v1/experiments/batched/select", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        }

        var batch = await Http.PostAsJsonAsync("/v1/feedback/batch", new
        {
            items = new object[]
            {
                new { token = tokens[0], reward = 1.0 },
                new { token = "garbage", reward = 1.0 },
                new { token = tokens[1], reward = 7.0 },
                new { token = tokens[2], unavailable = new { retryAfterMs = 60_000, backoff = true } },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);
        var outcome = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, outcome.GetProperty("accepted").GetInt32());
        var rejected = outcome.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("status").GetInt32())).ToList();
        Assert.Equal([(1, 400), (2, 400)], rejected);

        var stats = await Until(
            () => Http.GetFromJsonAsync<JsonElement>("/v1/experiments/batched/stats"),
            s => s.GetProperty("trainedEvents").GetInt64() == 1 && s.GetProperty("arms").EnumerateArray().Any(a => a.GetProperty("blockedUntil").ValueKind != JsonValueKind.Null));
        Assert.Equal(1, stats.GetProperty("trainedEvents").GetInt64());
    }

    [Fact]
    public async Task A_token_older_than_the_feedback_window_is_410_token_expired()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "short-window", arms = new[] { new { id = "a" } }, feedbackWindowSeconds = 1 });
        var token = (await (await Http.PostAsJsonAsync("/v1/experiments/short-window/select", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        await Task.Delay(1_200);
        var late = await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1 });
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.EndsWith("token-expired", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_policy_catalogue_lists_names_ranges_and_parameters()
    {
        var catalogue = await Http.GetFromJsonAsync<JsonElement>("/v1/policies");
        var thompson = catalogue.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "thompson-beta");
        Assert.False(thompson.GetProperty("contextual").GetBoolean());
        Assert.Equal([0.0, 1.0], thompson.GetProperty("rewardRange").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains(thompson.GetProperty("params").EnumerateArray(), p => p.GetProperty("name").GetString() == "alpha" && p.GetProperty("default").GetDouble() == 1);
    }

    private static async Task<JsonElement> Until(Func<Task<JsonElement>> probe, Func<JsonElement, bool> done)
    {
        var last = await probe();
        for (var i = 0; i < 100 && !done(last); i++)
        {
            await Task.Delay(50);
            last = await probe();
        }

        Assert.True(done(last), $"Condition not reached; last: {last}");
        return last;
    }
}
