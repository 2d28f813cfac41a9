using System.Net;
using System.Net.Http.Json;
using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.FlakyServers.Hosting;
using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Servers;

/// <summary>The fleet over HTTP: one process, every server on its own 127.0.0.1 port, and the control port.</summary>
public sealed class FleetHttpTests
{
    private static readonly HttpClient Http = new();

    private static Task<HttpResponseMessage> Post(Uri server, string id) => Http.PostAsJsonAsync(server, new ServerRequest(id));

    [Fact]
    public async Task A_server_answers_200_and_500_at_its_rate_and_429_with_retry_after_when_limited()
    {
        var (host, servers) = await TestFleet.StartAsync((0.6, null), (1, new RateLimit(0)));
        await using var _ = host;
        var ids = new Random(11);

        // 2,000 requests: the 200 share is within 4·√(0.6·0.4/2000) ≈ 0.044 of 0.6 with probability 1 − 6.3·10⁻⁵.
        var ok = 0;
        for (var i = 0; i < 2_000; i++)
        {
            using var response = await Post(servers[0].Url, RequestId.New(ids));
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.InternalServerError });
            ok += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.InRange(ok / 2_000.0, 0.6 - 0.044, 0.6 + 0.044);

        using var limited = await Post(servers[1].Url, RequestId.New(ids));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("s1", (await limited.Content.ReadFromJsonAsync<ServerReply>())!.Server);
    }

    [Fact]
    public async Task Ids_that_are_not_24_letters_or_digits_are_refused()
    {
        var (host, servers) = await TestFleet.StartAsync((1, null));
        await using var _ = host;
        foreach (var id in new[] { "short", "abcdefghijklmnopqrstuvw!", "abcdefghijklmnopqrstuvwxy" })
        {
            using var response = await Post(servers[0].Url, id);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_control_port_lists_reseeds_and_resets_the_thirty_servers()
    {
        await using var host = await FleetApp.StartAsync(new FleetOptions { Seed = 4, BasePort = 0, ControlPort = 0 });
        var view = await Http.GetFromJsonAsync<FleetView>(new Uri(host.ControlUrl, "servers"), FleetJson.Options);
        Assert.Equal(4, view!.Seed);
        Assert.Equal(30, view.Servers.Count);
        Assert.Equal([10, 10, 10], view.Servers.GroupBy(s => s.Tier).Select(g => g.Count()));

        using (await Post(new Uri(view.Servers[0].Url), "abcdefghijklmnopqrstuvwx"))
        {
            Assert.Equal(1, (await Http.GetFromJsonAsync<FleetView>(new Uri(host.ControlUrl, "servers"), FleetJson.Options))!.Servers[0].Requests);
        }

        using (var reset = await Http.PostAsJsonAsync(new Uri(host.ControlUrl, "reset"), new ResetRequest(Tier.T1), FleetJson.Options))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Equal(0, (await Http.GetFromJsonAsync<FleetView>(new Uri(host.ControlUrl, "servers"), FleetJson.Options))!.Servers[0].Requests);

        using var reseeded = await Http.PostAsJsonAsync(new Uri(host.ControlUrl, "reseed"), new ReseedRequest(9), FleetJson.Options);
        var nine = await reseeded.Content.ReadFromJsonAsync<FleetView>(FleetJson.Options);
        Assert.Equal(9, nine!.Seed);
        Assert.Equal(view.Servers.Select(s => s.Port), nine.Servers.Select(s => s.Port));
        Assert.NotEqual(view.Servers.Select(s => s.SuccessRate), nine.Servers.Select(s => s.SuccessRate));

        // Server ports do not serve the control endpoints, and the control port is no server.
        using var notControl = await Http.GetAsync(new Uri(new Uri(view.Servers[0].Url), "servers"));
        Assert.Equal(HttpStatusCode.NotFound, notControl.StatusCode);
        using var notServer = await Post(host.ControlUrl, "abcdefghijklmnopqrstuvwx");
        Assert.Equal(HttpStatusCode.NotFound, notServer.StatusCode);
    }
}
