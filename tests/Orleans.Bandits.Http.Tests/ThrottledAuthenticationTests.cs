using System.Net;

namespace Orleans.Bandits.Http.Tests;

/// <summary>Random keys cost the attacker time, not the cluster state: failed authentications are limited per address.</summary>
public sealed class ThrottledAuthenticationTests(StrictLimitsSiloFixture fixture) : IClassFixture<StrictLimitsSiloFixture>
{
    /// <summary>
    /// At 1 failure per second with a burst of 2, twenty failures in a row get 429 unless they take over 18 s; the
    /// admin key still passes afterwards, since only failures are counted.
    /// </summary>
    [Fact]
    public async Task Requests_with_random_keys_are_answered_429_once_an_address_fails_too_often()
    {
        var api = new ApiCalls(fixture.Http);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await api.Send($"bk_{Random.Shared.NextInt64():x16}_guess", HttpMethod.Get, "/v1/experiments")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"got {status}"));
        Assert.Equal(HttpStatusCode.Created, (await api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Post, "/v1/tenants", new { id = "after-guessing" })).StatusCode);
    }
}
