using System.Net;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// <c>/metrics</c> takes the admin key as a bearer token outside <c>/v1</c>, where wrong keys went uncounted: a place to
/// guess the admin key at full speed. They now count against the same per-address limit. Its own fixture, so the address
/// starts with its whole budget (1 failure per second, burst 2).
/// </summary>
public sealed class MetricsAuthenticationThrottlingTests(StrictLimitsSiloFixture fixture) : IClassFixture<StrictLimitsSiloFixture>
{
    [Fact]
    public async Task Wrong_keys_on_metrics_are_answered_429_once_an_address_fails_too_often()
    {
        var api = new ApiCalls(fixture.Http);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await api.Send($"not-the-admin-key-{i}", HttpMethod.Get, "/metrics")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"got {status}"));
        Assert.Equal(HttpStatusCode.OK, (await api.Send(AuthenticatedSiloFixture.AdminKey, HttpMethod.Get, "/metrics")).StatusCode);
    }
}
