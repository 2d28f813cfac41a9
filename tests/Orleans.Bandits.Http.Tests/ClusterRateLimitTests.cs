using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Bandits.Primitives.Hosting;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// A tenant's rate limit holds for the whole cluster: three silos, each with the API, one bucket. Before, each host
/// had a bucket of its own, so a tenant spread over three hosts got three times its limit. The limits run on a clock of
/// their own, driven here through ten simulated seconds, so the count does not depend on how fast this machine is.
/// </summary>
public sealed class ClusterRateLimitTests : IAsyncLifetime
{
    private const int PermitsPerSecond = 1_000;
    private const int Burst = 1_000;
    private const int Steps = 1_000;
    private const int RequestsPerStep = 15;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider _clock = new();
    private readonly List<ApiHost> _hosts = [];

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
            ["Bandits:RateLimit:PermitsPerSecond"] = $"{PermitsPerSecond}",
            ["Bandits:RateLimit:Burst"] = $"{Burst}",
        };
        for (var i = 0; i < 3; i++)
        {
            _hosts.Add(await ApiHost.StartAsync(settings, silo => silo.Services.AddKeyedSingleton<TimeProvider>(RateLimitClock.Key, _clock), primary: _hosts.FirstOrDefault()));
        }
    }

    [Fact]
    public async Task A_tenant_limited_to_1000_per_second_gets_10_seconds_of_it_from_three_hosts_together()
    {
        var key = await new ApiCalls(_hosts[0].Http).NewTenantKey("busy-everywhere");
        var hosts = _hosts.Select(h => new ApiCalls(h.Http)).ToArray();

        // 1,500 requests a second offered, spread evenly over the three hosts, for 10 s of the limits' clock.
        int accepted = 0, limited = 0, request = 0;
        for (var step = 0; step < Steps; step++)
        {
            _clock.Advance(Step);
            var responses = await Task.WhenAll(Enumerable.Range(0, RequestsPerStep).Select(_ => hosts[request++ % hosts.Length].Send(key, HttpMethod.Get, "/v1/policies")));
            foreach (var response in responses)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.NotNull(response.Headers.RetryAfter);
                    limited++;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    accepted++;
                }
            }
        }

        // The bucket admits at most its burst plus 10 s of its rate (11,000 here). It admits less only by the blocks the
        // hosts leased and did not spend before they aged out (at most 3 × 20 a second): the bound of 9,000 to
        // 11,000 plus the burst holds with room. Three buckets of their own would have admitted all 15,000.
        Assert.InRange(accepted, 9_000, 11_000 + Burst);
        Assert.Equal((Steps * RequestsPerStep) - accepted, limited);

        // Another tenant's requests meanwhile are not counted against this one.
        var neighbour = await hosts[0].NewTenantKey("quiet-neighbour");
        Assert.Equal(HttpStatusCode.OK, (await hosts[1].Send(neighbour, HttpMethod.Get, "/v1/policies")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
    }
}
