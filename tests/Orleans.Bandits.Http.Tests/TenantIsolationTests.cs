using System.Net;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

public sealed class TenantIsolationTests(AuthenticatedSiloFixture fixture) : IClassFixture<AuthenticatedSiloFixture>
{
    [Fact]
    public async Task A_tenant_cannot_reach_another_tenants_experiments_nor_use_its_tokens_and_a_revoked_key_is_refused()
    {
        var keyA = await NewTenantKey("tenant-a");
        var keyB = await NewTenantKey("tenant-b");

        Assert.Equal(HttpStatusCode.Created, (await Send(keyB, HttpMethod.Post, "/v1/experiments", new { id = "shared-name", arms = new[] { new { id = "x" }, new { id = "y" } } })).StatusCode);
        var selection = await Json(await Send(keyB, HttpMethod.Post, "/v1/experiments/shared-name/select", new { }));
        var tokenOfB = selection.GetProperty("token").GetString();

        // A addresses only its own namespace: B's experiment does not exist for A.
        Assert.Equal(HttpStatusCode.NotFound, (await Send(keyA, HttpMethod.Get, "/v1/experiments/shared-name")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(keyA, HttpMethod.Post, "/v1/experiments/shared-name/select", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(keyA, HttpMethod.Get, "/v1/experiments/shared-name/stats")).StatusCode);
        Assert.Empty((await Json(await Send(keyA, HttpMethod.Get, "/v1/experiments"))).GetProperty("items").EnumerateArray());

        // Not even with B's valid token.
        var stolen = await Send(keyA, HttpMethod.Post, "/v1/feedback", new { token = tokenOfB, reward = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        var stats = await Json(await Send(keyB, HttpMethod.Get, "/v1/experiments/shared-name/stats"));
        Assert.Equal(0, stats.GetProperty("trainedEvents").GetInt64());

        // Revocation is enforced within the key cache duration (2 s), bounded wait of 5 s.
        var issued = await Json(await Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants/tenant-a/keys", new { name = "second" }));
        var second = issued.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Send(second, HttpMethod.Get, "/v1/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Delete, $"/v1/tenants/tenant-a/keys/{issued.GetProperty("id").GetString()}")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        do
        {
            status = (await Send(second, HttpMethod.Get, "/v1/experiments")).StatusCode;
            await Task.Delay(100);
        }
        while (status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.OK, (await Send(keyA, HttpMethod.Get, "/v1/experiments")).StatusCode);
    }

    [Fact]
    public async Task Missing_or_unknown_keys_are_401_and_roles_are_enforced()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(null, HttpMethod.Get, "/v1/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("bk_0123456789abcdef_nope", HttpMethod.Get, "/v1/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send("garbage", HttpMethod.Get, "/v1/policies")).StatusCode);

        var key = await NewTenantKey("tenant-roles");
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(key, HttpMethod.Post, "/v1/tenants", new { id = "sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Get, "/v1/experiments")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants", new { id = "tenant-roles" })).StatusCode);

        using var viaHeader = new HttpRequestMessage(HttpMethod.Get, "/v1/policies");
        viaHeader.Headers.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.SendAsync(viaHeader)).StatusCode);
    }

    private Task<string> NewTenantKey(string tenant) => new ApiCalls(fixture.Http).NewTenantKey(tenant);

    private Task<HttpResponseMessage> Send(string? key, HttpMethod method, string path, object? body = null) =>
        new ApiCalls(fixture.Http).Send(key, method, path, body);

    private static Task<JsonElement> Json(HttpResponseMessage response) => ApiCalls.Json(response);
}
