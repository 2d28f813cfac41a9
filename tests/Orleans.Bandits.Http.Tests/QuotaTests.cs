using System.Net;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// Per-tenant quotas (<c>Bandits:Quotas</c>, here 3 experiments and 2 keys), counted by the tenant grain: past one, a
/// create or a key issue gets 409 <c>quota-exceeded</c> and creates nothing; a deleted experiment or a revoked key frees
/// its place. Without quotas (main before this change) every one of these creates succeeded.
/// </summary>
public sealed class QuotaTests(QuotaSiloFixture fixture) : IClassFixture<QuotaSiloFixture>
{
    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task An_experiment_past_the_tenants_quota_is_refused_with_409_and_not_created()
    {
        var key = await _api.NewTenantKey("quota-experiments");
        await CreateUpToTheQuota(key);

        var refused = await Create(key, "one-too-many");

        await AssertQuotaExceeded(refused);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Send(key, HttpMethod.Get, "/v1/experiments/one-too-many")).StatusCode);
        Assert.Equal(QuotaSiloFixture.ExperimentsPerTenant, (await ApiCalls.Json(await _api.Send(key, HttpMethod.Get, "/v1/experiments"))).GetProperty("items").GetArrayLength());

        // The quota is per tenant: another one still creates.
        Assert.Equal(HttpStatusCode.Created, (await Create(await _api.NewTenantKey("quota-neighbour"), "one-too-many")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_experiment_frees_its_place_in_the_quota()
    {
        var key = await _api.NewTenantKey("quota-delete");
        await CreateUpToTheQuota(key);
        await AssertQuotaExceeded(await Create(key, "waiting"));

        Assert.Equal(HttpStatusCode.NoContent, (await _api.Send(key, HttpMethod.Delete, "/v1/experiments/e0")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await Create(key, "waiting")).StatusCode);
        await AssertQuotaExceeded(await Create(key, "e0"));
    }

    [Fact]
    public async Task A_key_past_the_tenants_quota_is_refused_with_409()
    {
        await _api.NewTenantKey("quota-keys");
        Assert.Equal(HttpStatusCode.Created, (await Issue("quota-keys")).StatusCode);

        await AssertQuotaExceeded(await Issue("quota-keys"));
    }

    [Fact]
    public async Task Revoking_a_key_frees_its_place_in_the_quota_and_the_refused_issue_left_none_behind()
    {
        await _api.NewTenantKey("quota-revoke");
        var second = await ApiCalls.Json(await Issue("quota-revoke"));
        await AssertQuotaExceeded(await Issue("quota-revoke"));

        var revoked = await _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Delete, $"/v1/tenants/quota-revoke/keys/{second.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await Issue("quota-revoke")).StatusCode);
        await AssertQuotaExceeded(await Issue("quota-revoke"));
    }

    private async Task CreateUpToTheQuota(string key)
    {
        for (var i = 0; i < QuotaSiloFixture.ExperimentsPerTenant; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Create(key, $"e{i}")).StatusCode);
        }
    }

    private Task<HttpResponseMessage> Create(string key, string id) =>
        _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id, arms = new[] { new { id = "a" } } });

    private Task<HttpResponseMessage> Issue(string tenant) =>
        _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, $"/v1/tenants/{tenant}/keys", new { name = "web" });

    private static async Task AssertQuotaExceeded(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("/quota-exceeded", (await ApiCalls.Json(response)).GetProperty("type").GetString(), StringComparison.Ordinal);
    }
}
