using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.FlakyServers.Contracts;

namespace Orleans.Bandits.FlakyServers.Hosting;

/// <summary>
/// The control port: what the fleet is (<c>GET /servers</c>), draw it again (<c>POST /reseed</c>),
/// and start a tier over (<c>POST /reset</c>) so every strategy meets the same outcome sequences.
/// </summary>
public static class ControlEndpoints
{
    public static void MapControlEndpoints(this IEndpointRouteBuilder routes, FlakyFleet fleet)
    {
        var control = routes.MapGroup("").RequireHost($"*:{fleet.Layout.ControlPort}");
        control.MapGet("/servers", () => TypedResults.Ok(View(fleet)));
        control.MapPost("/reseed", Results<Ok<FleetView>, ProblemHttpResult> (ReseedRequest request) =>
        {
            fleet.Reseed(request.Seed);
            return TypedResults.Ok(View(fleet));
        });
        control.MapPost("/reset", (ResetRequest request) =>
        {
            fleet.Reset(request.Tier);
            return TypedResults.NoContent();
        });
    }

    public static FleetView View(FlakyFleet fleet) => new(
        fleet.Seed,
        fleet.Layout.ControlPort,
        fleet.Servers.Select(server =>
        {
            var spec = server.Spec;
            var counters = server.Counters;
            var limit = spec.Limit is { } l ? new RateLimitView(l.MeanPermitsPerSecond, l.Amplitude, l.PeriodSeconds, l.Phase) : null;
            return new ServerView(spec.Name, spec.Tier, spec.Port, $"http://127.0.0.1:{spec.Port}/", spec.SuccessRate, limit, counters.Requests, counters.Successes, counters.Failures, counters.RateLimited);
        }).ToList());
}
