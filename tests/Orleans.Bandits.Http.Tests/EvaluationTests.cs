using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>POST /v1/experiments/{id}/evaluate over a live silo: estimates on a logged run whose rewards the test decides.</summary>
public sealed class EvaluationTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private const int Decisions = 400;

    private HttpClient Http => fixture.Http;

    /// <summary>
    /// The logging policy serves a and b with probability ½ each and a always earns 1, b 0: the logged value is the
    /// share of a, the logging policy evaluated on its own log must give it back (weights ≈ 1), and a greedy policy,
    /// which plays at random until its first batch is learned (100 decisions) and then plays a, must score about ⅞.
    /// </summary>
    [Fact]
    public async Task The_logging_policy_gets_back_the_logged_value_and_a_greedy_policy_scores_higher()
    {
        var rewards = await LogUniformRun("evaluated");

        var own = await Evaluate("evaluated", new { policy = new { name = "random", @params = new { } }, estimators = new[] { "ips", "snips", "dr" }, from = (string?)null, to = (string?)null });
        var greedy = await Evaluate("evaluated", new { policy = new { name = "epsilon-greedy", @params = new { epsilon = 0 } }, estimators = new[] { "snips" } });

        Assert.Equal(Decisions, own.GetProperty("events").GetInt32());
        var logged = own.GetProperty("logged");
        Assert.Equal(rewards.Average(), logged.GetProperty("value").GetDouble(), 9);
        Assert.Equal(["ips", "snips", "dr"], own.GetProperty("estimates").EnumerateArray().Select(e => e.GetProperty("estimator").GetString()));
        var estimates = own.GetProperty("estimates").EnumerateArray().ToDictionary(e => e.GetProperty("estimator").GetString()!);
        foreach (var name in new[] { "ips", "snips" })
        {
            var interval = estimates[name].GetProperty("ci95");
            Assert.InRange(logged.GetProperty("value").GetDouble(), interval[0].GetDouble(), interval[1].GetDouble());
            Assert.InRange(estimates[name].GetProperty("value").GetDouble(), logged.GetProperty("value").GetDouble() - 0.05, logged.GetProperty("value").GetDouble() + 0.05);
        }

        // DR's reward model knows a earns 1 and b 0, so it estimates the policy's expected value, ½, rather than this run's share of a.
        Assert.InRange(estimates["dr"].GetProperty("value").GetDouble(), 0.45, 0.55);
        Assert.All(estimates.Values, e => Assert.InRange(e.GetProperty("effectiveSampleSize").GetDouble(), Decisions * 0.95, Decisions));

        var snips = Assert.Single(greedy.GetProperty("estimates").EnumerateArray());
        Assert.True(snips.GetProperty("value").GetDouble() > logged.GetProperty("value").GetDouble() + 0.2, $"greedy {snips}, logged {logged}");
    }

    [Fact]
    public async Task A_contextual_policy_is_evaluated_on_the_logged_contexts()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "evaluated-contextual", arms = new[] { new { id = "a" }, new { id = "b" } }, contextDimension = 2, policy = new { name = "lin-thompson" } });
        var items = new List<object>();
        for (var i = 0; i < 60; i++)
        {
            var context = new[] { i % 2, 1.0 };
            var selected = await Json(await Http.PostAsJsonAsync("/v1/experiments/evaluated-contextual/select", new { context }));
            items.Add(new { token = selected.GetProperty("token").GetString(), reward = selected.GetProperty("arm").GetString() == "a" ? context[0] : 1 - context[0] });
        }

        Assert.Equal(60, (await Json(await Http.PostAsJsonAsync("/v1/feedback/batch", new { items }))).GetProperty("accepted").GetInt32());
        await DecisionsRecorded("evaluated-contextual", 60);

        var evaluation = await Evaluate("evaluated-contextual", new { policy = new { name = "lin-ucb" } });

        Assert.Equal(60, evaluation.GetProperty("events").GetInt32());
        Assert.Equal(["ips", "snips", "dr"], evaluation.GetProperty("estimates").EnumerateArray().Select(e => e.GetProperty("estimator").GetString()));
    }

    [Fact]
    public async Task An_unknown_estimator_is_a_400_naming_it_and_changes_nothing()
    {
        await LogUniformRun("evaluated-refused");
        var before = await Http.GetStringAsync("/v1/experiments/evaluated-refused");
        var events = await Http.GetStringAsync("/v1/experiments/evaluated-refused/events?limit=10000");

        var response = await Http.PostAsJsonAsync("/v1/experiments/evaluated-refused/evaluate", new { policy = new { name = "random" }, estimators = new[] { "ips", "magic" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("estimators", problem.GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Contains("magic", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Http.GetStringAsync("/v1/experiments/evaluated-refused"));
        Assert.Equal(events, await Http.GetStringAsync("/v1/experiments/evaluated-refused/events?limit=10000"));
    }

    [Theory]
    [InlineData("""{"estimators":["ips"]}""", "policy")]
    [InlineData("""{"policy":{"name":"no-such-policy"}}""", "policy.name")]
    [InlineData("""{"policy":{"name":"ucb1","params":{"bogus":1}}}""", "policy.params.bogus")]
    [InlineData("""{"policy":{"name":"ucb1","params":{"c":"high"}}}""", "policy.params.c")]
    [InlineData("""{"policy":{"name":"lin-ucb"}}""", "policy.name")]
    [InlineData("""{"policy":{"name":"ucb1"},"estimators":[]}""", "estimators")]
    [InlineData("""{"policy":{"name":"ucb1"},"from":"last tuesday"}""", "from")]
    [InlineData("""{"policy":{"name":"ucb1"},"to":"2025-02-30T00:00:00Z"}""", "to")]
    public async Task A_bad_request_is_a_400_naming_the_field(string body, string field)
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "evaluated-bad", arms = new[] { new { id = "a" }, new { id = "b" } } });

        var response = await Http.PostAsync("/v1/experiments/evaluated-bad/evaluate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task A_log_of_deterministic_choices_is_a_409_not_evaluable()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "evaluated-deterministic", arms = new[] { new { id = "only" } }, policy = new { name = "ucb1" } });
        var items = new List<object>();
        for (var i = 0; i < 5; i++)
        {
            var selected = await Json(await Http.PostAsJsonAsync("/v1/experiments/evaluated-deterministic/select", new { }));
            Assert.Equal(JsonValueKind.Null, selected.GetProperty("propensity").ValueKind);
            items.Add(new { token = selected.GetProperty("token").GetString(), reward = 1 });
        }

        await Http.PostAsJsonAsync("/v1/feedback/batch", new { items });
        await DecisionsRecorded("evaluated-deterministic", 5);

        var response = await Http.PostAsJsonAsync("/v1/experiments/evaluated-deterministic/evaluate", new { policy = new { name = "ucb1" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("not-evaluable", (await Json(response)).GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_experiment_is_a_404()
    {
        var response = await Http.PostAsJsonAsync("/v1/experiments/evaluated-missing/evaluate", new { policy = new { name = "ucb1" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Logs <see cref="Decisions"/> uniform choices between a (reward 1) and b (reward 0); returns the rewards.</summary>
    private async Task<List<double>> LogUniformRun(string experiment)
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = experiment, arms = new[] { new { id = "a" }, new { id = "b" } }, policy = new { name = "random" } });
        var items = new List<object>();
        var rewards = new List<double>();
        for (var i = 0; i < Decisions; i++)
        {
            var selected = await Json(await Http.PostAsJsonAsync($"/v1/experiments/{experiment}/select", new { }));
            Assert.Equal(0.5, selected.GetProperty("propensity").GetDouble());
            rewards.Add(selected.GetProperty("arm").GetString() == "a" ? 1 : 0);
            items.Add(new { token = selected.GetProperty("token").GetString(), reward = rewards[^1] });
        }

        var batch = await Json(await Http.PostAsJsonAsync("/v1/feedback/batch", new { items }));
        Assert.Equal(Decisions, batch.GetProperty("accepted").GetInt32());
        await DecisionsRecorded(experiment, Decisions);

        // Training goes on in the background and moves the experiment's version, which a test comparing the
        // experiment before and after an evaluation must not read as the evaluation's doing.
        await Eventually.Until(
            async () => await Json(await Http.GetAsync($"/v1/experiments/{experiment}/stats")),
            s => s.GetProperty("trainedEvents").GetInt64() == Decisions,
            TimeSpan.FromSeconds(30),
            $"all {Decisions} rewards learned");
        return rewards;
    }

    private async Task DecisionsRecorded(string experiment, int count) =>
        await Eventually.Until(
            async () => await Json(await Http.GetAsync($"/v1/experiments/{experiment}/stats")),
            s => s.GetProperty("decisions").GetInt64() == count,
            TimeSpan.FromSeconds(30),
            $"{count} decisions recorded");

    private async Task<JsonElement> Evaluate(string experiment, object body)
    {
        var response = await Http.PostAsJsonAsync($"/v1/experiments/{experiment}/evaluate", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
