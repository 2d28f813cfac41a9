using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Bandits.Primitives.DeadLetters;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// The dead-letter routes over HTTP: admin only, the letters as the store has them, replay and delete by id, and 4xx
/// for what does not fit. The store is a stand-in holding two letters (local mode has none; Redis.Tests has the
/// real one, with a poisoned experiment).
/// </summary>
public sealed class DeadLetterEndpointTests(DeadLetterEndpointTests.TwoLettersFixture fixture) : IClassFixture<DeadLetterEndpointTests.TwoLettersFixture>
{
    private const string Admin = AuthenticatedSiloFixture.AdminKey;
    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task Letters_are_listed_in_pages_and_replayed_or_dropped_by_id_by_the_admin_only()
    {
        var tenantKey = await _api.NewTenantKey("not-an-operator");
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.Send(tenantKey, HttpMethod.Get, "/v1/admin/dead-letters")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.Send(tenantKey, HttpMethod.Post, "/v1/admin/dead-letters/1-0/replay")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Send(null, HttpMethod.Delete, "/v1/admin/dead-letters/1-0")).StatusCode);
        Assert.Equal(2, fixture.Store.Letters.Count);

        var first = await ApiCalls.Json(await _api.Send(Admin, HttpMethod.Get, "/v1/admin/dead-letters?limit=1"));
        var letter = Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal("1-0", letter.GetProperty("id").GetString());
        Assert.Equal("svc/streams/feedback/q3", letter.GetProperty("queue").GetString());
        Assert.Equal("max-deliveries", letter.GetProperty("reason").GetString());
        Assert.Equal(5, letter.GetProperty("deliveries").GetInt64());
        Assert.Equal(["feedback/acme/checkout"], letter.GetProperty("streams").EnumerateArray().Select(s => s.GetString()));
        var second = await ApiCalls.Json(await _api.Send(Admin, HttpMethod.Get, $"/v1/admin/dead-letters?after={first.GetProperty("next").GetString()}"));
        Assert.Equal("2-0", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        Assert.Equal(HttpStatusCode.Accepted, (await _api.Send(Admin, HttpMethod.Post, "/v1/admin/dead-letters/1-0/replay")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Send(Admin, HttpMethod.Delete, "/v1/admin/dead-letters/2-0")).StatusCode);
        Assert.Equal(["1-0"], fixture.Store.Replayed);
        Assert.Empty(fixture.Store.Letters);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Send(Admin, HttpMethod.Post, "/v1/admin/dead-letters/1-0/replay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Send(Admin, HttpMethod.Delete, "/v1/admin/dead-letters/2-0")).StatusCode);
    }

    [Theory]
    [InlineData("/v1/admin/dead-letters?limit=0")]
    [InlineData("/v1/admin/dead-letters?limit=1001")]
    [InlineData("/v1/admin/dead-letters?after=not-an-id")]
    public async Task A_bad_limit_or_cursor_is_400(string path)
    {
        var refused = await _api.Send(Admin, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.EndsWith("validation", (await ApiCalls.Json(refused)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_malformed_id_is_400_and_changes_nothing()
    {
        var before = fixture.Store.Letters.Count;
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Send(Admin, HttpMethod.Post, "/v1/admin/dead-letters/1-0-0/replay")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.Send(Admin, HttpMethod.Delete, "/v1/admin/dead-letters/*")).StatusCode);
        Assert.Equal(before, fixture.Store.Letters.Count);
    }

    /// <summary>Auth on, and a dead-letter store holding two letters.</summary>
    public sealed class TwoLettersFixture : SiloWithApiFixture
    {
        public LetterBox Store { get; } = new();

        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Bandits:Auth:AdminKey"] = Admin };

        protected override Action<ISiloBuilder>? ConfigureSilo => silo => silo.Services.AddSingleton<IDeadLetterStore>(Store);
    }

    /// <summary>Letters in memory, in id order; what was replayed.</summary>
    public sealed class LetterBox : IDeadLetterStore
    {
        public ConcurrentDictionary<string, DeadLetterEntry> Letters { get; } = new(new Dictionary<string, DeadLetterEntry>
        {
            ["1-0"] = new("1-0", "svc/streams/feedback/q3", "9-0", "max-deliveries", 5, DateTimeOffset.UnixEpoch, ["feedback/acme/checkout"]),
            ["2-0"] = new("2-0", "svc/streams/feedback/q1", "8-0", "undecodable", 0, DateTimeOffset.UnixEpoch, []),
        });

        public ConcurrentQueue<string> Replayed { get; } = new();

        public Task<IReadOnlyList<DeadLetterEntry>> ListAsync(string? afterId, int count) =>
            Task.FromResult<IReadOnlyList<DeadLetterEntry>>(Letters.Values.OrderBy(l => l.Id, StringComparer.Ordinal).Where(l => afterId is null || string.CompareOrdinal(l.Id, afterId) > 0).Take(count).ToList());

        public Task<bool> ReplayAsync(string id)
        {
            var found = Letters.TryRemove(id, out _);
            if (found)
            {
                Replayed.Enqueue(id);
            }

            return Task.FromResult(found);
        }

        public Task<bool> DeleteAsync(string id) => Task.FromResult(Letters.TryRemove(id, out _));
    }
}
