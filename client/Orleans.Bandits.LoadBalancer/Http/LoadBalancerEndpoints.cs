using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.LoadBalancer.Routing;
using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.LoadBalancer.Http;

/// <summary>
/// <c>POST /</c> routes an id over the default route (the article's interface); named routes let one
/// process serve several strategies and tiers at once, which is how the harness runs them side by side.
/// A routed request answers 200 when an attempt succeeded and 502 when all failed, with the attempts.
/// </summary>
public static class LoadBalancerEndpoints
{
    public static void MapLoadBalancer(this IEndpointRouteBuilder app)
    {
        app.MapPost("/", (ServerRequest request, RouteTable routes, RequestRouter router, CancellationToken cancellationToken) =>
            RouteAsync(RouteTable.DefaultRouteName, request, routes, router, cancellationToken));
        app.MapGet("/strategies", () => TypedResults.Ok(StrategyCatalogue.All.Select(StrategyView.Of).ToList()));

        var group = app.MapGroup("/routes");
        group.MapGet("/", (RouteTable routes) => TypedResults.Ok(routes.All.Select(RouteView.Of).ToList()));
        group.MapGet("/{route}", Results<Ok<RouteView>, ProblemHttpResult> (string route, RouteTable routes) =>
            routes.Find(route) is { } found ? TypedResults.Ok(RouteView.Of(found)) : UnknownRoute(route));
        group.MapPut("/{route}", RegisterAsync);
        group.MapDelete("/{route}", async Task<Results<NoContent, ProblemHttpResult>> (string route, RouteTable routes) =>
            await routes.RemoveAsync(route) ? TypedResults.NoContent() : UnknownRoute(route));
        group.MapPost("/{route}", (string route, ServerRequest request, RouteTable routes, RequestRouter router, CancellationToken cancellationToken) =>
            RouteAsync(route, request, routes, router, cancellationToken));
    }

    private static async Task<Results<Created<RouteView>, ProblemHttpResult>> RegisterAsync(string route, RouteRegistration registration, RouteTable routes)
    {
        if (!ExperimentId.IsValidId(route))
        {
            return Invalid("route", "Route names are experiment ids: ^[a-z0-9][a-z0-9._-]{0,63}$.");
        }

        if (registration.Strategy is null || StrategyCatalogue.Find(registration.Strategy) is not { } strategy)
        {
            return Invalid("strategy", $"Unknown strategy '{registration.Strategy}'. Known: {string.Join(", ", StrategyCatalogue.All.Select(s => s.Name))}.");
        }

        if (registration.Servers is not { Count: > 0 } servers || servers.Any(s => !ExperimentId.IsValidId(s.Name) || s.Url is not { IsAbsoluteUri: true }))
        {
            return Invalid("servers", "Give at least one server, each with a name that is a valid arm id and an absolute url.");
        }

        var created = await routes.RegisterAsync(route, strategy, registration.Tier ?? "", servers);
        return TypedResults.Created($"/routes/{route}", RouteView.Of(created));
    }

    private static async Task<Results<Ok<RoutingResult>, JsonHttpResult<RoutingResult>, ProblemHttpResult>> RouteAsync(
        string name, ServerRequest request, RouteTable routes, RequestRouter router, CancellationToken cancellationToken)
    {
        if (!RequestId.IsValid(request.Id))
        {
            return Invalid("id", $"id must be {RequestId.Length} ASCII letters or digits.");
        }

        if (routes.Find(name) is not { } route)
        {
            return UnknownRoute(name);
        }

        var result = await router.RouteAsync(route, request.Id!, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.Json(result, statusCode: StatusCodes.Status502BadGateway);
    }

    private static ProblemHttpResult Invalid(string field, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {field}");

    private static ProblemHttpResult UnknownRoute(string route) =>
        TypedResults.Problem(
            route == RouteTable.DefaultRouteName
                ? "No default route: start the load balancer with LoadBalancer:Default:Strategy (e.g. --strategy V4), or use PUT /routes/{route}."
                : $"No route '{route}'.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Unknown route");
}
