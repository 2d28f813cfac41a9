using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// The Orleans dashboard's HTTP Basic login (the admin key as password) answered every wrong password with 401, as fast
/// as they came. A failed login now counts against the same per-address limit as a failed key on <c>/v1</c>. Its own
/// fixture, so the address starts with its whole budget (1 failure per second, burst 2).
/// </summary>
public sealed class DashboardLoginThrottlingTests(StrictLimitsSiloFixture fixture) : IClassFixture<StrictLimitsSiloFixture>
{
    [Fact]
    public async Task Failed_logins_to_the_orleans_dashboard_are_answered_429_with_retry_after_once_an_address_fails_too_often()
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            responses.Add(await fixture.Http.SendAsync(Login($"guess-{i}")));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, responses[0].StatusCode);
        Assert.Equal("Basic", responses[0].Headers.WwwAuthenticate.Single().Scheme);
        var refused = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(refused is not null, $"no 429 in {string.Join(", ", responses.Select(r => (int)r.StatusCode))}");
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.EndsWith("/rate-limited", (await ApiCalls.Json(refused)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"got {r.StatusCode}"));

        // Only failures are counted: the admin still logs in.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.SendAsync(Login(AuthenticatedSiloFixture.AdminKey))).StatusCode);
    }

    private static HttpRequestMessage Login(string password) => new(HttpMethod.Get, "/orleans/")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}"))) },
    };
}
