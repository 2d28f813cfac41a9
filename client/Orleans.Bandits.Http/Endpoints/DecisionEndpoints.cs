using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>The decision log: every selection with its outcomes, for export.</summary>
public static class DecisionEndpoints
{
    public const string NdjsonMediaType = "application/x-ndjson";

    /// <summary>With NDJSON the body holds only events, so the cursor of the next page travels in this header (absent at the log's end).</summary>
    public const string NextCursorHeader = "Bandits-Next-Cursor";

    public const int DefaultLimit = 1000;

    public static RouteGroupBuilder MapDecisionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/experiments/{id}/events", Events).WithTags("Decisions");
        return v1;
    }

    [EndpointName("listEvents")]
    [EndpointSummary("Export the decision log, a page at a time")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "An invalid id, a limit out of range, or a cursor this platform did not issue (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Results<Ok<DecisionEventPage>, ContentHttpResult>> Events(
        string id, string? after, int? limit, HttpContext context, IBanditsClient bandits, IOptions<JsonOptions> json)
    {
        var page = await bandits.GetEventsAsync(Tenancy.TenantOf(context), id, after, limit ?? DefaultLimit);
        if (!context.Request.Headers.Accept.Any(value => value?.Contains(NdjsonMediaType, StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.Ok(page);
        }

        if (page.Next is { } next)
        {
            context.Response.Headers[NextCursorHeader] = next;
        }

        var lines = new StringBuilder();
        foreach (var item in page.Items)
        {
            lines.Append(JsonSerializer.Serialize(item, json.Value.SerializerOptions)).Append('\n');
        }

        return TypedResults.Text(lines.ToString(), NdjsonMediaType, Encoding.UTF8);
    }
}
