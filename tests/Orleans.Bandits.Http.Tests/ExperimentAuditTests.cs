using System.Net;
using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// With auth on, every control action on an experiment is in its audit log with the key id that took it (the platform
/// for a declared winner), and a key of another tenant can neither read the log nor change the experiment.
/// </summary>
public sealed class ExperimentAuditTests(AuthenticatedSiloFixture fixture) : IClassFixture<AuthenticatedSiloFixture>
{
    private ApiCalls Api => new(fixture.Http);

    [Fact]
    public async Task Every_control_action_is_audited_with_the_acting_key_id_and_another_tenants_key_changes_nothing()
    {
        var (owner, ownerId) = await NewKey("audit-owner");
        var (colleague, colleagueId) = await NewKey("audit-owner", create: false);
        var (stranger, _) = await NewKey("audit-stranger");
        const string path = "/v1/experiments/audited";

        await Expect(HttpStatusCode.Created, owner, HttpMethod.Post, "/v1/experiments", new
        {
            id = "audited",
            arms = new object[] { new { id = "red", metadata = new { colour = "#f00" } }, new { id = "blue" } },
            winner = new { probabilityBest = 0.95, maxExpectedLoss = 0.01, promote = true },
        });
        await Expect(HttpStatusCode.OK, colleague, HttpMethod.Patch, path, new { policy = new { @params = new { alpha = 2 } }, arms = new[] { new { id = "blue", metadata = new { colour = "#00f" } } } });
        await Expect(HttpStatusCode.OK, owner, HttpMethod.Patch, path, new { status = "paused" });
        await Expect(HttpStatusCode.OK, owner, HttpMethod.Patch, path, new { status = "running" });
        await Expect(HttpStatusCode.Created, owner, HttpMethod.Post, $"{path}/arms", new { id = "green" });
        await Expect(HttpStatusCode.NoContent, colleague, HttpMethod.Delete, $"{path}/arms/green");
        await Expect(HttpStatusCode.OK, owner, HttpMethod.Post, $"{path}/reset");

        // red always pays, blue never: select each in turn (the other excluded), 110 times, past the 100 events per arm
        // the rule waits for, and report all outcomes in one batch.
        var outcomes = new List<object>();
        for (var i = 0; i < 110; i++)
        {
            foreach (var (arm, other, reward) in new[] { ("red", "blue", 1), ("blue", "red", 0) })
            {
                var selected = await ApiCalls.Json(await Expect(HttpStatusCode.OK, owner, HttpMethod.Post, $"{path}/select", new { exclude = new[] { other } }));
                Assert.Equal(arm, selected.GetProperty("arm").GetString());
                outcomes.Add(new { token = selected.GetProperty("token").GetString(), reward });
            }
        }

        var accepted = await ApiCalls.Json(await Expect(HttpStatusCode.Accepted, owner, HttpMethod.Post, "/v1/feedback/batch", new { items = outcomes }));
        Assert.Equal(outcomes.Count, accepted.GetProperty("accepted").GetInt32());
        var converged = await Eventually.Until(
            async () => await ApiCalls.Json(await Expect(HttpStatusCode.OK, owner, HttpMethod.Get, path)),
            experiment => experiment.GetProperty("status").GetString() == "converged",
            TimeSpan.FromSeconds(30),
            "red to be declared the winner");
        Assert.Equal("red", converged.GetProperty("winner").GetProperty("arm").GetString());
        var stats = await ApiCalls.Json(await Expect(HttpStatusCode.OK, owner, HttpMethod.Get, $"{path}/stats"));
        Assert.Equal("red", stats.GetProperty("winner").GetProperty("arm").GetString());
        Assert.True(stats.GetProperty("winner").GetProperty("probabilityBest").GetDouble() >= 0.95);

        // Promoted: the winner is served, with no exclusion, once the replica has the declaration.
        var promoted = await Eventually.Until(
            async () => await ApiCalls.Json(await Expect(HttpStatusCode.OK, owner, HttpMethod.Post, $"{path}/select", new { })),
            selected => selected.GetProperty("version").GetInt64() >= converged.GetProperty("version").GetInt64(),
            TimeSpan.FromSeconds(10),
            "the declaration to reach the replica");
        Assert.Equal("red", promoted.GetProperty("arm").GetString());

        // Another tenant's key: its own namespace has no such experiment, so nothing it sends reaches this one. Before:
        // once every feedback sent is learned, so nothing else changes the experiment meanwhile.
        await Eventually.Until(() => Body(owner, $"{path}/stats"), body => JsonDocument.Parse(body).RootElement.GetProperty("trainedEvents").GetInt32() == outcomes.Count, TimeSpan.FromSeconds(30), "every outcome learned");
        var before = await Body(owner, path);
        var auditBefore = await Body(owner, $"{path}/audit");
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(stranger, HttpMethod.Get, $"{path}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(stranger, HttpMethod.Patch, path, new { status = "paused" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(stranger, HttpMethod.Post, $"{path}/reset")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(stranger, HttpMethod.Delete, path)).StatusCode);
        Assert.Equal(before, await Body(owner, path));
        Assert.Equal(auditBefore, await Body(owner, $"{path}/audit"));

        // The trail outlives the experiment.
        await Expect(HttpStatusCode.NoContent, colleague, HttpMethod.Delete, path);
        var audit = (await ApiCalls.Json(await Expect(HttpStatusCode.OK, owner, HttpMethod.Get, $"{path}/audit"))).GetProperty("items").EnumerateArray()
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), Detail: e.GetProperty("detail").GetString()!, At: e.GetProperty("at").GetDateTimeOffset()))
            .ToList();
        Assert.Equal(
            [
                (ownerId, "create"), (colleagueId, "change"), (ownerId, "pause"), (ownerId, "resume"), (ownerId, "arm-added"),
                (colleagueId, "arm-retired"), (ownerId, "reset"), ("platform", "winner"), (colleagueId, "delete"),
            ],
            audit.Select(e => (e.Actor, e.Action)));
        Assert.Contains("policy.params.alpha 1 → 2", audit[1].Detail);
        Assert.Contains("arms[blue].metadata {} → {colour: #00f}", audit[1].Detail);
        Assert.StartsWith("red:", audit[7].Detail);
        Assert.All(audit, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        Assert.Equal(audit.OrderBy(e => e.At).Select(e => e.Action), audit.Select(e => e.Action));
    }

    [Fact]
    public async Task The_admin_key_is_audited_as_admin_where_it_may_act()
    {
        var (owner, _) = await NewKey("audit-admin");
        await Expect(HttpStatusCode.Created, owner, HttpMethod.Post, "/v1/experiments", new { id = "admin-audited", arms = new[] { new { id = "a" } } });

        // The admin key manages tenants, not their experiments: refused, and nothing is audited.
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/experiments/admin-audited/reset")).StatusCode);
        var audit = await ApiCalls.Json(await Expect(HttpStatusCode.OK, owner, HttpMethod.Get, "/v1/experiments/admin-audited/audit"));
        Assert.Equal(["create"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    private async Task<(string Key, string KeyId)> NewKey(string tenant, bool create = true)
    {
        if (create)
        {
            await Expect(HttpStatusCode.Created, AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants", new { id = tenant });
        }

        var issued = await ApiCalls.Json(await Expect(HttpStatusCode.Created, AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, $"/v1/tenants/{tenant}/keys", new { name = "ops" }));
        return (issued.GetProperty("key").GetString()!, issued.GetProperty("id").GetString()!);
    }

    private async Task<string> Body(string key, string path) => await (await Expect(HttpStatusCode.OK, key, HttpMethod.Get, path)).Content.ReadAsStringAsync();

    private async Task<HttpResponseMessage> Expect(HttpStatusCode status, string key, HttpMethod method, string path, object? body = null)
    {
        var response = await Api.Send(key, method, path, body);
        Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
