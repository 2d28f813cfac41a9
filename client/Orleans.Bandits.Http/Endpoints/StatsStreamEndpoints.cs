using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Live stats over server-sent events: a <c>stats</c> event per new version (at most one a second) and a <c>heartbeat</c> every 15 s.</summary>
public static class StatsStreamEndpoints
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapStatsStreamEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/experiments/{id}/stats/stream", Stream).WithTags("Observing");
        return v1;
    }

    private static async Task<ServerSentEventsResult<object>> Stream(string id, HttpContext context, IBanditsClient bandits)
    {
        var tenant = Tenancy.TenantOf(context);
        var first = await bandits.GetStatsAsync(tenant, id);
        return TypedResults.ServerSentEvents(Events(first, () => bandits.GetStatsAsync(tenant, id), context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(ExperimentStats first, Func<Task<ExperimentStats>> poll, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<object>(StatsResponse.From(first), "stats");
        var version = first.Version;
        var lastSent = DateTime.UtcNow;
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
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
