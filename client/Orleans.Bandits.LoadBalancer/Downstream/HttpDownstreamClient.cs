using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Orleans.Bandits.FlakyServers.Contracts;

namespace Orleans.Bandits.LoadBalancer.Downstream;

/// <summary><c>POST {server}</c> with <c>{"id": …}</c>; the status decides the outcome.</summary>
public sealed class HttpDownstreamClient(HttpClient http) : IDownstreamClient
{
    public async Task<DownstreamResponse> SendAsync(Uri server, string id, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync(server, new ServerRequest(id), FleetJson.Options, cancellationToken);
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.OK => DownstreamOutcome.Success,
                HttpStatusCode.TooManyRequests => DownstreamOutcome.RateLimited,
                _ => DownstreamOutcome.Failure,
            };
            return new DownstreamResponse(outcome, (int)response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException)
        {
            // A server that does not answer is as useless to the caller as one that answers 500.
            return new DownstreamResponse(DownstreamOutcome.Failure, 0, Stopwatch.GetElapsedTime(started));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DownstreamResponse(DownstreamOutcome.Failure, 0, Stopwatch.GetElapsedTime(started));
        }
    }
}
