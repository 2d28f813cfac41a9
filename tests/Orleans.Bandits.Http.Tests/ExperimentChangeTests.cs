using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>PATCH beyond status: policy params, arm metadata and the winner rule, each a new version, or a 400 that changes nothing.</summary>
public sealed class ExperimentChangeTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private static int _experiments;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Policy_params_arm_metadata_and_the_winner_rule_change_as_one_new_version_that_reaches_the_replicas()
    {
        await Create("tuned");
        var before = await Http.GetFromJsonAsync<JsonElement>("/v1/experiments/tuned");

        var patched = await Http.PatchAsJsonAsync("/v1/experiments/tuned", new
        {
            policy = new { name = "thompson-beta", @params = new { alpha = 3 } },
            arms = new[] { new { id = "blue", metadata = new Dictionary<string, string> { ["copy"] = "Buy now", ["colour"] = "#00f" } } },
            winner = new { probabilityBest = 0.9, maxExpectedLoss = 0.005 },
        });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before.GetProperty("version").GetInt64() + 1, after.GetProperty("version").GetInt64());
        Assert.Equal(3, after.GetProperty("policy").GetProperty("params").GetProperty("alpha").GetDouble());
        Assert.Equal(1, after.GetProperty("policy").GetProperty("params").GetProperty("beta").GetDouble());
        var blue = after.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "blue");
        Assert.Equal("Buy now", blue.GetProperty("metadata").GetProperty("copy").GetString());
        Assert.False(after.GetProperty("arms")[0].TryGetProperty("metadata", out _));
        Assert.Equal(0.9, after.GetProperty("winner").GetProperty("probabilityBest").GetDouble());
        Assert.False(after.GetProperty("winner").GetProperty("promote").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("winner").GetProperty("arm").ValueKind);
        Assert.Equal(after.GetRawText(), (await Http.GetFromJsonAsync<JsonElement>("/v1/experiments/tuned")).GetRawText());

        var version = after.GetProperty("version").GetInt64();
        await Eventually.Until(
            async () => await (await Http.PostAsJsonAsync("/v1/experiments/tuned/select", new { })).Content.ReadFromJsonAsync<JsonElement>(),
            selected => selected.GetProperty("version").GetInt64() >= version,
            TimeSpan.FromSeconds(10),
            "the change to reach the replica");

        // The same values again are no change: no new version.
        var again = await Http.PatchAsJsonAsync("/v1/experiments/tuned", new { policy = new { @params = new { alpha = 3 } } });
        Assert.Equal(version, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { """{"status":"stopped"}""", "status" },
        { """{"status":"converged"}""", "status" },
        { """{}""", "status" },
        { """{"policy":{"name":"ucb1","params":{}}}""", "policy.name" },
        { """{"policy":{"params":{"alpha":0}}}""", "policy.params.alpha" },
        { """{"policy":{"params":{"alpha":"high"}}}""", "policy.params.alpha" },
        { """{"policy":{"params":{"gamma":1}}}""", "policy.params.gamma" },
        { """{"arms":[{"id":"purple","metadata":{"a":"b"}}]}""", "arms" },
        { """{"arms":[{"id":"red"}]}""", "arms[0].metadata" },
        { """{"arms":[{"id":"red","metadata":{"a":"b"}},{"id":"red","metadata":{}}]}""", "arms[1].id" },
        { """{"arms":[{"id":"red","metadata":{"":"b"}}]}""", "arms" },
        { "{\"arms\":[{\"id\":\"red\",\"metadata\":{\"a\":\"" + new string('x', 257) + "\"}}]}", "arms" },
        { "{\"arms\":[{\"id\":\"red\",\"metadata\":{" + string.Join(',', Enumerable.Range(0, 17).Select(i => $"\"k{i}\":\"v\"")) + "}}]}", "arms" },
        { """{"winner":{"probabilityBest":0.5,"maxExpectedLoss":0.01}}""", "winner.probabilityBest" },
        { """{"winner":{"probabilityBest":1.5,"maxExpectedLoss":0.01}}""", "winner.probabilityBest" },
        { """{"winner":{"probabilityBest":0.95,"maxExpectedLoss":-1}}""", "winner.maxExpectedLoss" },
        { """{"winner":{"probabilityBest":0.95}}""", "winner.maxExpectedLoss" },
        { """{"status":"paused","arms":[{"id":"purple","metadata":{}}]}""", "arms" },
        { """{"status":"paused","policy":{"params":{"alpha":-1}}}""", "policy.params.alpha" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_change_is_a_400_problem_naming_the_field_and_changes_nothing(string body, string field)
    {
        var id = $"bad-change-{Interlocked.Increment(ref _experiments)}";
        await Create(id);
        var before = await Http.GetStringAsync($"/v1/experiments/{id}");
        var auditBefore = await Http.GetStringAsync($"/v1/experiments/{id}/audit");

        var response = await Http.PatchAsync($"/v1/experiments/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}: {problem}");
        Assert.Equal(before, await Http.GetStringAsync($"/v1/experiments/{id}"));
        Assert.Equal(auditBefore, await Http.GetStringAsync($"/v1/experiments/{id}/audit"));
    }

    [Theory]
    [InlineData("""{"id":"bad-create-1","arms":[{"id":"a","metadata":{"k":"v"}}],"winner":{"probabilityBest":0.2,"maxExpectedLoss":0.1}}""", "winner.probabilityBest")]
    [InlineData("""{"id":"bad-create-2","arms":[{"id":"a","metadata":{"k":5}}]}""", null)]
    public async Task A_bad_create_is_a_400_problem_and_creates_nothing(string body, string? field)
    {
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();

        var response = await Http.PostAsync("/v1/experiments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field is not null)
        {
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/experiments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/experiments/{id}/audit")).StatusCode);
    }

    [Fact]
    public async Task Reset_and_audit_of_an_unknown_experiment_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync("/v1/experiments/never-was/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/v1/experiments/never-was/audit")).StatusCode);
    }

    private async Task Create(string id) =>
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/v1/experiments", new { id, arms = new[] { new { id = "red" }, new { id = "blue" } } })).StatusCode);
}
