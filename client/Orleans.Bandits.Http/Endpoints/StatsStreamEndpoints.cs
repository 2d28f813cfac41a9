using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>
/// Live stats over server-sent events: a <c>stats</c> event per new version (polled every second from the
/// experiment, which computes stats once per version) and a <c>heartbeat</c> every 15 s. A stream ends when its
/// key is revoked, and after <see cref="StreamOptions.MaxLifetime"/>; a key holds at most
/// <see cref="StreamOptions.MaxPerKey"/> at once.
/// </summary>
public static class StatsStreamEndpoints
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapStatsStreamEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/experiments/{id}/stats/stream", Stream).WithTags("Observing");
        return v1;
    }

    [EndpointName("streamStats")]
    [EndpointSummary("Follow an experiment's stats as server-sent events")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/event-stream", Description = "A `stats` event (data: the stats body) whenever the version changes, at most every second, and a `heartbeat` every 15 s.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<IResult> Stream(string id, HttpContext context, IBanditsClient bandits, ApiKeyAuthenticator authenticator, StatsStreamSlots slots, IOptions<BanditsHttpOptions> options)
    {
        var tenant = Tenancy.TenantOf(context);
        var first = await bandits.GetStatsAsync(tenant, id);
        var limits = options.Value.Streams;
        var key = options.Value.Auth.Enabled ? ApiKeyAuthenticator.PresentedKey(context.Request) : null;
        if (key is not null && !slots.TryTake(key, limits.MaxPerKey))
        {
            context.Response.Headers.RetryAfter = "1";
            return Problems.Status(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many stats streams.", $"This API key already holds {limits.MaxPerKey} stats streams open.");
        }

        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        lifetime.CancelAfter(limits.MaxLifetime);
        try
        {
            await TypedResults.ServerSentEvents(Events(first, () => bandits.GetStatsAsync(tenant, id), () => StillAuthorized(context, authenticator), lifetime.Token)).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // The stream reached its lifetime: the response simply ends, and the client reconnects.
        }
        finally
        {
            if (key is not null)
            {
                slots.Release(key);
            }
        }

        return Results.Empty;
    }

    private static async Task<bool> StillAuthorized(HttpContext context, ApiKeyAuthenticator authenticator) =>
        await authenticator.AuthenticateAsync(context) is not null;

    private static async IAsyncEnumerable<SseItem<object>> Events(ExperimentStats first, Func<Task<ExperimentStats>> poll, Func<Task<bool>> authorized, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<object>(StatsResponse.From(first), "stats");
        var version = first.Version;
        var lastSent = DateTime.UtcNow;
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken) && await authorized())
        {
            var stats = await poll();
            if (stats.Version != version)
            {
                version = stats.Version;
                lastSent = DateTime.UtcNow;
                yield return new SseItem<object>(StatsResponse.From(stats), "stats");
            }
            else if (DateTime.UtcNow - lastSent >= HeartbeatInterval)
            {
                lastSent = DateTime.UtcNow;
                yield return new SseItem<object>(new { at = DateTimeOffset.UtcNow }, "heartbeat");
            }
        }
    }
}
