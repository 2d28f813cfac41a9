using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

public sealed class ApiRoundTripTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Create_select_feedback_and_stats_round_trip_over_http()
    {
        var created = await Http.PostAsJsonAsync("/v1/experiments", new { id = "hero", arms = new[] { new { id = "red" }, new { id = "blue" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var experiment = await Json(created);
        Assert.Equal("thompson-beta", experiment.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal("running", experiment.GetProperty("status").GetString());

        var selected = await Json(await Http.PostAsJsonAsync("/v1/experiments/hero/select", new { }));
        var arm = selected.GetProperty("arm").GetString();
        Assert.Contains(arm, new[] { "red", "blue" });
        // Thompson sampling estimates the chosen arm's probability from 1,000 posterior draws: with two untried arms a
        // half, with a standard error of 1.6 points, so ±10 points is over six standard errors.
        Assert.InRange(selected.GetProperty("propensity").GetDouble(), 0.4, 0.6);
        var token = selected.GetProperty("token").GetString();

        var feedback = await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1.0 });
        Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);
        var again = await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1.0 });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((await Json(feedback)).GetProperty("eventId").GetString(), (await Json(again)).GetProperty("eventId").GetString());

        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            stats = await Json(await Http.GetAsync("/v1/experiments/hero/stats"));
            if (stats.GetProperty("trainedEvents").GetInt64() + stats.GetProperty("duplicatesDropped").GetInt64() >= 2)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(1, stats.GetProperty("trainedEvents").GetInt64());
        Assert.Equal(1, stats.GetProperty("duplicatesDropped").GetInt64());
        var learned = stats.GetProperty("arms").EnumerateArray().Single(a => a.GetProperty("id").GetString() == arm);
        Assert.Equal(1, learned.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("POST", "/v1/experiments", "{\"id\":", 400, "bad-request")]
    [InlineData("POST", "/v1/experiments", "{\"id\":\"Bad Id\",\"arms\":[{\"id\":\"a\"}]}", 400, "validation")]
    [InlineData("POST", "/v1/experiments", "{\"id\":\"p\",\"arms\":[{\"id\":\"a\"}],\"policy\":{\"name\":\"thompson-beta\",\"params\":{\"alpha\":-1}}}", 400, "validation")]
    [InlineData("POST", "/v1/experiments", "{\"id\":\"q\",\"arms\":[{\"id\":\"a\"}],\"policy\":{\"name\":\"no-such-policy\"}}", 400, "validation")]
    [InlineData("GET", "/v1/experiments/missing", null, 404, "not-found")]
    [InlineData("POST", "/v1/experiments/missing/select", "{}", 404, "not-found")]
    [InlineData("POST", "/v1/feedback", "{\"token\":\"garbage\",\"reward\":1}", 400, "invalid-token")]
    [InlineData("POST", "/v1/feedback", "{\"reward\":1}", 400, "validation")]
    [InlineData("PATCH", "/v1/experiments/missing", "{\"status\":\"sleeping\"}", 400, "validation")]
    public async Task Bad_requests_get_a_problem_response_with_the_documented_status(string method, string path, string? body, int status, string slug)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.EndsWith(slug, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Creating_an_existing_experiment_is_a_conflict_and_excluding_every_arm_says_no_arm_available()
    {
        var body = new { id = "twice", arms = new[] { new { id = "a" } } };
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/v1/experiments", body)).StatusCode);
        var conflict = await Http.PostAsJsonAsync("/v1/experiments", body);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);

        var none = await Http.PostAsJsonAsync("/v1/experiments/twice/select", new { exclude = new[] { "a" } });
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.EndsWith("no-arm-available", (await Json(none)).GetProperty("type").GetString());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
