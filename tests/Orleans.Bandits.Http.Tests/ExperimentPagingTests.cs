using System.Net;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// <c>GET /v1/experiments</c> a page at a time: <c>?limit=</c> (1 to 1000, default 100) and <c>?after=</c> the previous
/// page's <c>next</c>, in id order, <c>next</c> null on the last page. Before paging, one request listed every experiment.
/// </summary>
public sealed class ExperimentPagingTests(AuthenticatedSiloFixture fixture) : IClassFixture<AuthenticatedSiloFixture>
{
    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task Pages_follow_each_other_in_id_order_until_next_is_null()
    {
        var key = await _api.NewTenantKey("paging-order");
        foreach (var id in new[] { "delta", "alpha", "echo", "charlie", "bravo" })
        {
            await Create(key, id);
        }

        var listed = new List<string>();
        var cursors = new List<string?>();
        string? after = null;
        do
        {
            var page = await List(key, after is null ? "?limit=2" : $"?limit=2&after={after}");
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            after = page.GetProperty("next").GetString();
            cursors.Add(after);
        }
        while (after is not null && cursors.Count < 10);

        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo"], listed);
        Assert.Equal(["bravo", "delta", null], cursors);
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_100_experiments()
    {
        var key = await _api.NewTenantKey("paging-default");
        var ids = Enumerable.Range(0, 101).Select(i => $"e{i:D3}").ToList();
        foreach (var id in ids)
        {
            await Create(key, id);
        }

        var first = await List(key, "");
        var rest = await List(key, $"?after={first.GetProperty("next").GetString()}");

        Assert.Equal(ids[..100], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(ids[99], first.GetProperty("next").GetString());
        Assert.Equal([ids[100]], rest.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=99999999999", "limit")]
    [InlineData("after=Not%20an%20id", "after")]
    public async Task A_limit_outside_1_to_1000_or_a_cursor_that_is_no_id_is_refused_with_400_naming_it(string query, string field)
    {
        var key = await _api.NewTenantKey($"paging-bad-{Guid.NewGuid():N}");

        var response = await _api.Send(key, HttpMethod.Get, $"/v1/experiments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await ApiCalls.Json(response)).GetProperty("errors").EnumerateObject().Single().Name);
    }

    private async Task Create(string key, string id) =>
        Assert.Equal(HttpStatusCode.Created, (await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id, arms = new[] { new { id = "a" } } })).StatusCode);

    private async Task<JsonElement> List(string key, string query)
    {
        var response = await _api.Send(key, HttpMethod.Get, $"/v1/experiments{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiCalls.Json(response);
    }
}
