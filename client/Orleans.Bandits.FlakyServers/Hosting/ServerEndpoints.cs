using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.FlakyServers.Contracts;

namespace Orleans.Bandits.FlakyServers.Hosting;

/// <summary><c>POST /</c> on every server port: 200, 500 or 429, decided by the server the port belongs to.</summary>
public static class ServerEndpoints
{
    public static void MapServerEndpoints(this IEndpointRouteBuilder routes, FlakyFleet fleet) =>
        routes.MapPost("/", Results<Ok<ServerReply>, JsonHttpResult<ServerReply>, ProblemHttpResult, NotFound> (ServerRequest request, HttpContext context) =>
        {
            if (fleet.OnPort(context.Connection.LocalPort) is not { } server)
            {
                return TypedResults.NotFound();
            }

            if (!RequestId.IsValid(request.Id))
            {
                return TypedResults.Problem(
                    $"id must be {RequestId.Length} ASCII letters or digits.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Invalid request id");
            }

            var reply = new ServerReply(request.Id!, server.Spec.Name);
            switch (server.Handle())
            {
                case ServerOutcome.Success:
                    return TypedResults.Ok(reply);
                case ServerOutcome.RateLimited:
                    // The limit counts a one-second window, so one second is always long enough to wait.
                    context.Response.Headers[HeaderNames.RetryAfter] = "1";
                    return TypedResults.Json(reply, FleetJson.Options, statusCode: StatusCodes.Status429TooManyRequests);
                default:
                    return TypedResults.Json(reply, FleetJson.Options, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
}
