using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// Findings of an attack on one silo with auth on (issue 22), one test each. Every test here failed on dbff241:
/// the keyless body was parsed (400 naming a .NET type), "nl\n" created an experiment, 10,000 budgets were
/// accepted, two rewards of 1e300 made stats answer 500 for good (now refused, and any statistic that is not a
/// number is reported as null: StatsResponseTests), 100,000 excluded arms were accepted, no response had security headers, /metrics was open,
/// any non-empty admin key started a host, and one token taught any number of outcomes (every new eventId was a
/// new event, and `unavailable` could be repeated for the token's whole life).
/// </summary>
public sealed class HostileTenantTests(AuthenticatedSiloFixture fixture) : IClassFixture<AuthenticatedSiloFixture>
{
    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task A_request_without_a_key_is_refused_before_its_body_is_read()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/experiments") { Content = new StringContent("{\"id\": [", Encoding.UTF8, "application/json") };

        var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Orleans.Bandits", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_body_is_described_without_naming_a_dotnet_type()
    {
        var key = await _api.NewTenantKey("hostile-json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/experiments") { Content = new StringContent("{\"id\": \"x\", \"arms\": 5}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", key);

        var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Orleans.Bandits", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl\n", "x")]
    [InlineData("nl", "x\n")]
    public async Task Ids_with_a_trailing_newline_are_refused_and_nothing_is_created(string id, string arm)
    {
        var key = await _api.NewTenantKey($"hostile-newline-{id.Length}{arm.Length}");

        var response = await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id, arms = new[] { new { id = arm } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await ApiCalls.Json(await _api.Send(key, HttpMethod.Get, "/v1/experiments"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_knapsack_policy_with_more_than_64_budgets_is_refused()
    {
        var key = await _api.NewTenantKey("hostile-budgets");
        var arms = Enumerable.Range(0, 1000).Select(i => new { id = $"a{i}" }).ToArray();
        var budgets = Enumerable.Repeat(100.0, 10_000).ToArray();

        var response = await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "greedy", arms, policy = new { name = "bwk-primal-dual", @params = new { budgets, horizon = 1000 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("policy.params.budgets", (await ApiCalls.Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task A_contextual_experiment_larger_than_the_state_budget_is_refused()
    {
        var key = await _api.NewTenantKey("hostile-dimension");
        var arms = Enumerable.Range(0, 200).Select(i => new { id = $"a{i}" }).ToArray();

        var response = await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "wide", arms, contextDimension = 256, policy = new { name = "lin-thompson" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("arms", (await ApiCalls.Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Rewards_and_contexts_beyond_the_stated_magnitudes_are_refused_and_change_nothing()
    {
        var key = await _api.NewTenantKey("hostile-overflow");
        await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "huge", arms = new[] { new { id = "only" } }, policy = new { name = "epsilon-greedy" } });
        await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "wide", arms = new[] { new { id = "only" } }, contextDimension = 1, policy = new { name = "lin-ucb" } });

        var refused = await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token = await TokenOf(key, "huge"), reward = 1e300 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("reward", (await ApiCalls.Json(refused)).GetProperty("errors").EnumerateObject().Single().Name);
        var context = await _api.Send(key, HttpMethod.Post, "/v1/experiments/wide/select", new { context = new[] { 1e200 } });
        Assert.Equal(HttpStatusCode.BadRequest, context.StatusCode);
        Assert.Equal("context", (await ApiCalls.Json(context)).GetProperty("errors").EnumerateObject().Single().Name);

        // The path is live: the largest reward accepted is learned, and it is the only event learned.
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token = await TokenOf(key, "huge"), reward = 1e12 })).StatusCode);
        var trained = await Eventually.Until(
            async () => (await ApiCalls.Json(await _api.Send(key, HttpMethod.Get, "/v1/experiments/huge/stats"))).GetProperty("trainedEvents").GetInt64(),
            events => events >= 1,
            TimeSpan.FromSeconds(30),
            "the accepted reward learned");
        Assert.Equal(1, trained);
    }

    [Fact]
    public async Task Too_many_excluded_arms_are_refused()
    {
        var key = await _api.NewTenantKey("hostile-exclude");
        await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "small", arms = new[] { new { id = "a" }, new { id = "b" } } });

        var response = await _api.Send(key, HttpMethod.Post, "/v1/experiments/small/select", new { exclude = Enumerable.Repeat("a", 100_000).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("exclude", (await ApiCalls.Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/docs/index.html")]
    [InlineData("/v1/policies")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Get, path);

        Assert.Equal("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Metrics_need_the_admin_key_when_auth_is_on()
    {
        var tenantKey = await _api.NewTenantKey("hostile-metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Send(null, HttpMethod.Get, "/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.Send(tenantKey, HttpMethod.Get, "/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Get, "/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_token_teaches_one_outcome_and_a_second_event_id_is_refused_with_409()
    {
        var key = await _api.NewTenantKey("hostile-outcomes");
        await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "once", arms = new[] { new { id = "only" } } });
        var token = await TokenOf(key, "once");

        Assert.Equal(HttpStatusCode.Accepted, (await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token, reward = 1, eventId = "first" })).StatusCode);
        foreach (var second in new object[] { new { token, reward = 1, eventId = "second" }, new { token, reward = 1 }, new { token, unavailable = new { retryAfterMs = 600_000 } } })
        {
            var refused = await _api.Send(key, HttpMethod.Post, "/v1/feedback", second);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.EndsWith("already-rewarded", (await ApiCalls.Json(refused)).GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        // A retry of the first event stays an idempotent 202, and the stream's copy of it is dropped.
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token, reward = 1, eventId = "first" })).StatusCode);
        var stats = await Eventually.Until(
            async () => await ApiCalls.Json(await _api.Send(key, HttpMethod.Get, "/v1/experiments/once/stats")),
            s => s.GetProperty("trainedEvents").GetInt64() + s.GetProperty("duplicatesDropped").GetInt64() >= 2,
            TimeSpan.FromSeconds(30),
            "the first event and its retry delivered");
        Assert.Equal(1, stats.GetProperty("trainedEvents").GetInt64());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("arms")[0].GetProperty("blockedUntil").ValueKind);
    }

    [Fact]
    public async Task Under_sum_every_event_id_is_learned_but_a_token_reports_its_arm_unavailable_once()
    {
        var key = await _api.NewTenantKey("hostile-sum");
        var created = await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "clicks", arms = new[] { new { id = "only" } }, rewardAggregation = "sum" });
        Assert.Equal("sum", (await ApiCalls.Json(created)).GetProperty("rewardAggregation").GetString());
        var token = await TokenOf(key, "clicks");

        foreach (var eventId in new[] { "click-1", "click-2", "click-3" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token, reward = 1, eventId })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token, unavailable = new { retryAfterMs = 1 }, eventId = "busy-1" })).StatusCode);
        var again = await _api.Send(key, HttpMethod.Post, "/v1/feedback", new { token, unavailable = new { retryAfterMs = 600_000 }, eventId = "busy-2" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.EndsWith("already-rewarded", (await ApiCalls.Json(again)).GetProperty("type").GetString(), StringComparison.Ordinal);

        var trained = await Eventually.Until(
            async () => (await ApiCalls.Json(await _api.Send(key, HttpMethod.Get, "/v1/experiments/clicks/stats"))).GetProperty("trainedEvents").GetInt64(),
            events => events >= 3,
            TimeSpan.FromSeconds(30),
            "the three clicks learned");
        Assert.Equal(3, trained);
    }

    [Fact]
    public async Task An_unknown_reward_aggregation_is_refused_and_nothing_is_created()
    {
        var key = await _api.NewTenantKey("hostile-aggregation");

        var response = await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "odd", arms = new[] { new { id = "a" } }, rewardAggregation = "max" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("rewardAggregation", (await ApiCalls.Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Send(key, HttpMethod.Get, "/v1/experiments/odd")).StatusCode);
    }

    [Fact]
    public async Task A_host_refuses_to_start_with_an_admin_key_shorter_than_32_characters()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ApiHost.StartAsync(new Dictionary<string, string> { ["Bandits:Auth:AdminKey"] = "short-admin-key" }));

        Assert.Contains("at least 32 characters", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> TokenOf(string key, string experiment) =>
        (await ApiCalls.Json(await _api.Send(key, HttpMethod.Post, $"/v1/experiments/{experiment}/select", new { }))).GetProperty("token").GetString()!;
}
