using System.Net;
using System.Net.Http.Headers;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Stats streams hold a connection each: bounded per key, and ended when the key is revoked.</summary>
public sealed class StatsStreamLimitTests(StrictLimitsSiloFixture fixture) : IClassFixture<StrictLimitsSiloFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task A_key_holds_at_most_the_configured_number_of_stats_streams()
    {
        var key = await _api.NewTenantKey("streams-limited");
        await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "watched", arms = new[] { new { id = "a" } } });

        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < StrictLimitsSiloFixture.StreamsPerKey; i++)
        {
            open.Add(await OpenStream(key));
            Assert.Equal(HttpStatusCode.OK, open[^1].StatusCode);
        }

        var refused = await OpenStream(key);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        // Another key is not affected, and a closed stream gives its slot back.
        var otherKey = await _api.NewTenantKey("streams-other");
        await _api.Send(otherKey, HttpMethod.Post, "/v1/experiments", new { id = "watched", arms = new[] { new { id = "a" } } });
        using (var other = await OpenStream(otherKey))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        open[0].Dispose();
        var reopened = await Eventually.Until(() => OpenStream(key), response => response.StatusCode == HttpStatusCode.OK, Limit, "a stream slot given back");
        reopened.Dispose();
        open[1].Dispose();
    }

    [Fact]
    public async Task A_stats_stream_ends_once_its_key_is_revoked()
    {
        var key = await _api.NewTenantKey("streams-revoked");
        await _api.Send(key, HttpMethod.Post, "/v1/experiments", new { id = "watched", arms = new[] { new { id = "a" } } });
        var second = await ApiCalls.Json(await _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants/streams-revoked/keys", new { name = "dashboard" }));
        using var stream = await OpenStream(second.GetProperty("key").GetString()!);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("event: stats", await reader.ReadLineAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Delete, $"/v1/tenants/streams-revoked/keys/{second.GetProperty("id").GetString()}")).StatusCode);

        // Reading to the end returns once the server ends the stream; it throws if the stream is still open after 30 s.
        using var limit = new CancellationTokenSource(Limit);
        await reader.ReadToEndAsync(limit.Token);
    }

    private Task<HttpResponseMessage> OpenStream(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/experiments/watched/stats/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return fixture.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
