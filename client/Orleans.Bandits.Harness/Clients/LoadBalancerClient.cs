using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.LoadBalancer.Http;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.Harness.Clients;

/// <summary>The load balancer's HTTP API: register a route per run, send ids over it, remove it.</summary>
public sealed class LoadBalancerClient(HttpClient http, Uri baseUrl)
{
    public Uri BaseUrl { get; } = baseUrl;

    public async Task RegisterAsync(string route, string strategy, string tier, IReadOnlyList<RouteServer> servers, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(Route(route), new RouteRegistration(strategy, tier, servers), FleetJson.Options, cancellationToken);
        await EnsureAsync(response, $"PUT /routes/{route}", cancellationToken);
    }

    public async Task RemoveAsync(string route, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(Route(route), cancellationToken);
        await EnsureAsync(response, $"DELETE /routes/{route}", cancellationToken);
    }

    /// <summary>Sends one id; 200 and 502 both carry the attempts, anything else is an error of the setup.</summary>
    public async Task<RoutedRequest> SendAsync(string route, string id, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync(Route(route), new ServerRequest(id), FleetJson.Options, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadGateway))
        {
            await EnsureAsync(response, $"POST /routes/{route}", cancellationToken);
        }

        var result = await response.Content.ReadFromJsonAsync<RoutingResult>(FleetJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"The load balancer answered POST /routes/{route} with nothing.");
        return new RoutedRequest(result, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private Uri Route(string route) => new(BaseUrl, $"routes/{route}");

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }
}
