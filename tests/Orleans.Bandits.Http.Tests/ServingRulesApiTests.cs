using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Gates, default arm, holdout and floor over HTTP: the experiment's fields, the default-arm answer, and bad input.</summary>
public sealed class ServingRulesApiTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private const string EveryRule = """
        {
          "rollout":{"percentage":100},
          "targeting":[{"attribute":"country","op":"in","value":["DE","AT"]},{"attribute":"age","op":"gte","value":18}],
          "schedule":{"start":"2020-01-01T00:00:00Z","end":"2100-01-01T00:00:00Z"},
          "defaultArm":"blue",
          "holdout":{"percentage":0},
          "explorationFloor":0.05
        }
        """;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Outside_targeting_the_default_arm_is_served_with_is_default_and_the_reason_and_paused_says_paused()
    {
        await Create("gated", EveryRule);

        var outside = await Select("gated", """{"unit":"user-1","attributes":{"country":"FR","age":30}}""");
        Assert.Equal("""{"arm":"blue","token":null,"propensity":null,"version":1,"isDefault":true,"reason":"targeting"}""", outside.GetRawText());

        var inside = await Select("gated", """{"unit":"user-1","attributes":{"country":"DE","age":18}}""");
        Assert.NotEqual(JsonValueKind.Null, inside.GetProperty("token").ValueKind);
        Assert.False(inside.TryGetProperty("isDefault", out _));
        Assert.False(inside.TryGetProperty("reason", out _));

        await Send(HttpMethod.Patch, "/v1/experiments/gated", """{"status":"paused"}""", HttpStatusCode.OK);

        // The replica serves the pause from its next refresh, within a second; 30 s bounds a slow machine.
        var paused = await Eventually.Until(
            () => Select("gated", """{"unit":"user-1","attributes":{"country":"DE","age":18}}"""),
            answer => answer.GetProperty("token").ValueKind == JsonValueKind.Null,
            TimeSpan.FromSeconds(30),
            "the replica to serve the pause");
        Assert.Equal("""{"arm":"blue","token":null,"propensity":null,"version":2,"paused":true,"isDefault":true,"reason":"paused"}""", paused.GetRawText());
    }

    [Fact]
    public async Task The_rules_are_returned_as_given_and_a_patch_changes_only_what_it_names_in_a_new_version()
    {
        var created = await Create("described", EveryRule);
        Assert.Equal(100, created.GetProperty("rollout").GetProperty("percentage").GetDouble());
        Assert.Equal(
            """[{"attribute":"country","op":"in","value":["DE","AT"]},{"attribute":"age","op":"gte","value":18}]""",
            created.GetProperty("targeting").GetRawText());
        Assert.Equal("blue", created.GetProperty("defaultArm").GetString());
        Assert.Equal(0.05, created.GetProperty("explorationFloor").GetDouble());

        var patched = await Send(
            HttpMethod.Patch,
            "/v1/experiments/described",
            """{"rollout":{"percentage":25},"schedule":{"hours":{"from":"22:00","to":"06:00","timeZone":"Europe/Berlin"}},"defaultArm":null}""",
            HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("version").GetInt64() + 1, patched.GetProperty("version").GetInt64());
        Assert.Equal(25, patched.GetProperty("rollout").GetProperty("percentage").GetDouble());
        Assert.Equal("""{"start":null,"end":null,"hours":{"from":"22:00","to":"06:00","timeZone":"Europe/Berlin"}}""", patched.GetProperty("schedule").GetRawText());
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("defaultArm").ValueKind);
        Assert.Equal(created.GetProperty("targeting").GetRawText(), patched.GetProperty("targeting").GetRawText());
        Assert.Equal(0.05, patched.GetProperty("explorationFloor").GetDouble());
    }

    [Fact]
    public async Task A_holdout_unit_is_flagged_and_served_at_one_over_k_and_stats_have_no_uplift_before_events()
    {
        await Create("held", """{"holdout":{"percentage":100}}""");

        var held = await Select("held", """{"unit":"user-7"}""");
        Assert.True(held.GetProperty("holdout").GetBoolean());
        Assert.Equal(0.5, held.GetProperty("propensity").GetDouble());

        var stats = await ApiCalls.Json(await Http.GetAsync("/v1/experiments/held/stats"));
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("uplift").ValueKind);
    }

    [Theory]
    [InlineData("rollout.percentage", """{"rollout":{"percentage":100.5}}""")]
    [InlineData("rollout.percentage", """{"rollout":{"percentage":-1}}""")]
    [InlineData("rollout.percentage", """{"rollout":{}}""")]
    [InlineData("holdout.percentage", """{"holdout":{"percentage":101}}""")]
    [InlineData("explorationFloor", """{"explorationFloor":1}""")]
    [InlineData("explorationFloor", """{"explorationFloor":-0.01}""")]
    [InlineData("defaultArm", """{"defaultArm":"green"}""")]
    [InlineData("targeting[0].op", """{"targeting":[{"attribute":"country","op":"between","value":1}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"country","op":"eq","value":{"a":1}}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"country","op":"eq"}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"country","op":"eq","value":["DE"]}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"country","op":"in","value":[]}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"country","op":"in","value":["DE",1]}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"age","op":"gt","value":"18"}]}""")]
    [InlineData("targeting[0].value", """{"targeting":[{"attribute":"name","op":"contains","value":5}]}""")]
    [InlineData("targeting[0].attribute", """{"targeting":[{"attribute":"","op":"eq","value":1}]}""")]
    [InlineData("targeting[0]", """{"targeting":[null]}""")]
    [InlineData("schedule.end", """{"schedule":{"start":"2026-06-02T00:00:00Z","end":"2026-06-01T00:00:00Z"}}""")]
    [InlineData("schedule.hours", """{"schedule":{"hours":{"from":"8:00","to":"20:00","timeZone":"UTC"}}}""")]
    [InlineData("schedule.hours", """{"schedule":{"hours":{"from":"08:00","to":"24:00","timeZone":"UTC"}}}""")]
    [InlineData("schedule.hours", """{"schedule":{"hours":{"from":"08:00","to":"08:00","timeZone":"UTC"}}}""")]
    [InlineData("schedule.hours.timeZone", """{"schedule":{"hours":{"from":"08:00","to":"20:00","timeZone":"Mars/Olympus"}}}""")]
    [InlineData("schedule.hours.timeZone", """{"schedule":{"hours":{"from":"08:00","to":"20:00"}}}""")]
    public async Task A_bad_rule_is_a_400_naming_its_field_at_create_and_at_patch_and_changes_nothing(string field, string rule)
    {
        var id = $"bad-{Guid.NewGuid():N}"[..20];
        var refused = await Send(HttpMethod.Post, "/v1/experiments", With(Definition(id), rule), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), refused.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/v1/experiments/{id}")).StatusCode);

        await Create(id, """{"rollout":{"percentage":30}}""");
        var before = await Http.GetStringAsync($"/v1/experiments/{id}");
        var patched = await Send(HttpMethod.Patch, $"/v1/experiments/{id}", With("""{"status":"paused"}""", rule), HttpStatusCode.BadRequest);
        Assert.True(patched.GetProperty("errors").TryGetProperty(field, out _), patched.GetRawText());
        Assert.Equal(before, await Http.GetStringAsync($"/v1/experiments/{id}"));
    }

    [Fact]
    public async Task Too_many_rules_or_listed_values_are_refused()
    {
        var rules = string.Join(",", Enumerable.Range(0, 33).Select(i => $$"""{"attribute":"a{{i}}","op":"eq","value":1}"""));
        var tooMany = await Send(HttpMethod.Post, "/v1/experiments", With(Definition("too-many-rules"), "{\"targeting\":[" + rules + "]}"), HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("targeting", out _));

        var values = string.Join(",", Enumerable.Range(0, 101));
        var tooLong = await Send(
            HttpMethod.Post, "/v1/experiments", With(Definition("too-many-values"), "{\"targeting\":[{\"attribute\":\"a\",\"op\":\"in\",\"value\":[" + values + "]}]}"), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("targeting[0].value", out _));
    }

    [Theory]
    [InlineData("unit", """{"unit":""}""")]
    [InlineData("unit", null)]
    [InlineData("attributes.x", """{"attributes":{"x":{"a":1}}}""")]
    [InlineData("attributes.x", """{"attributes":{"x":[1]}}""")]
    [InlineData("attributes.x", """{"attributes":{"x":null}}""")]
    [InlineData("attributes", null)]
    [InlineData("attributes.x", null)]
    public async Task A_bad_unit_or_attribute_is_a_400_naming_it_and_records_nothing(string field, string? body)
    {
        body ??= field switch
        {
            "unit" => $$"""{"unit":"{{new string('u', 257)}}"}""",
            "attributes" => "{\"attributes\":{" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"a{i}\":1")) + "}}",
            _ => "{\"attributes\":{\"x\":\"" + new string('v', 257) + "\"}}",
        };
        var id = $"sel-{Guid.NewGuid():N}"[..20];
        await Create(id, """{"rollout":{"percentage":100}}""");

        var refused = await Send(HttpMethod.Post, $"/v1/experiments/{id}/select", body, HttpStatusCode.BadRequest);

        Assert.True(refused.GetProperty("errors").TryGetProperty(field, out _), refused.GetRawText());
        var stats = await ApiCalls.Json(await Http.GetAsync($"/v1/experiments/{id}/stats"));
        Assert.Equal(0, stats.GetProperty("decisions").GetInt64());
    }

    [Fact]
    public async Task A_unit_that_is_not_a_string_is_malformed_json()
    {
        await Create("unit-type", """{"rollout":{"percentage":100}}""");
        var refused = await Send(HttpMethod.Post, "/v1/experiments/unit-type/select", """{"unit":5}""", HttpStatusCode.BadRequest);
        Assert.EndsWith("bad-request", refused.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_patch_with_nothing_to_change_is_refused()
    {
        await Create("empty-patch", """{"rollout":{"percentage":100}}""");
        await Send(HttpMethod.Patch, "/v1/experiments/empty-patch", "{}", HttpStatusCode.BadRequest);
    }

    private async Task<JsonElement> Create(string id, string rules) =>
        await Send(HttpMethod.Post, "/v1/experiments", With(Definition(id), rules), HttpStatusCode.Created);

    private static string Definition(string id) => $$"""{"id":"{{id}}","arms":[{"id":"red"},{"id":"blue"}]}""";

    /// <summary>The object <paramref name="json"/> with the fields of <paramref name="fields"/> added.</summary>
    private static string With(string json, string fields)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(fields)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        return body.ToJsonString();
    }

    private Task<JsonElement> Select(string id, string body) => Send(HttpMethod.Post, $"/v1/experiments/{id}/select", body, HttpStatusCode.OK);

    private async Task<JsonElement> Send(HttpMethod method, string path, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await Http.SendAsync(request);
        var json = await ApiCalls.Json(response);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} for {method} {path} {body}: {json.GetRawText()}");
        return json;
    }
}
