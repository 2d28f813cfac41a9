using System.Net;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// A tenant's token bucket, counted exactly: the limits' clock stands still unless the test moves it, so how fast this
/// machine sends decides nothing (before, the 429 came only if 2,000 requests averaged under 4 ms).
/// </summary>
public sealed class RateLimitTests(RateLimitClockFixture fixture) : IClassFixture<RateLimitClockFixture>
{
    private readonly ApiCalls _api = new(fixture.Http);

    [Fact]
    public async Task A_tenant_gets_its_burst_then_429_with_retry_after_then_a_second_of_its_rate()
    {
        var key = await _api.NewTenantKey("tenant-busy");

        Assert.Equal(RateLimitClockFixture.Burst, await AcceptedBeforeTheFirst429(key));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RateLimitClockFixture.PermitsPerSecond, await AcceptedBeforeTheFirst429(key));

        // Another tenant has a bucket of its own, and the admin key, the operator's, is not limited at all.
        Assert.Equal(HttpStatusCode.OK, (await _api.Send(await _api.NewTenantKey("tenant-calm"), HttpMethod.Get, "/v1/policies")).StatusCode);
        for (var i = 0; i <= RateLimitClockFixture.Burst; i++)
        {
            using var again = await _api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants", new { id = "tenant-busy" });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
    }

    /// <summary>Sends until refused (bounded by twice the burst) and checks the refusal: the tenant's, with its wait.</summary>
    private async Task<int> AcceptedBeforeTheFirst429(string key)
    {
        var (accepted, problem, retryAfter) = await RateLimitProbe.AcceptedBeforeTheFirst429(_api, key, 2 * RateLimitClockFixture.Burst);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.EndsWith("rate-limited", problem?.GetProperty("type").GetString());
        Assert.StartsWith("This tenant exceeded its rate limit", problem?.GetProperty("detail").GetString());
        return accepted;
    }
}
