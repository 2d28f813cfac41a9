using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orleans.Bandits.Export;

namespace Orleans.Bandits.Http.Endpoints;

/// <summary>The decision log: every selection with its outcomes, for export as JSON pages or as one Parquet file.</summary>
public static class DecisionEndpoints
{
    public const string NdjsonMediaType = "application/x-ndjson";

    /// <summary>With NDJSON the body holds only events, so the cursor of the next page travels in this header (absent at the log's end).</summary>
    public const string NextCursorHeader = "Bandits-Next-Cursor";

    public const string ParquetMediaType = "application/vnd.apache.parquet";

    public const int DefaultLimit = 1000;

    public static RouteGroupBuilder MapDecisionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/experiments/{id}/events", Events).WithTags("Decisions");
        v1.MapGet("/experiments/{id}/events.parquet", Parquet).WithTags("Decisions")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), ParquetMediaType);
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

    [EndpointName("exportEventsParquet")]
    [EndpointSummary("Export the decision log as an Apache Parquet file")]
    [EndpointDescription("The events of `listEvents` as one Parquet file, one row per event, columns named as the JSON fields; `from` and `to` keep the decisions selected from `from` (included) to `to` (excluded). Streamed a page of the log at a time, one row group per page.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "An invalid id, or `from` or `to` not an ISO 8601 time, or `from` not before `to` (`validation`, with `errors` by field).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Parquet(
        string id,
        [Description("Only decisions selected at or after this ISO 8601 time (UTC when it names no offset).")] string? from,
        [Description("Only decisions selected before this ISO 8601 time (UTC when it names no offset).")] string? to,
        HttpContext context,
        IBanditsClient bandits)
    {
        if (!DecisionWindowQuery.TryParse(from, to, out var window, out var problem))
        {
            return problem;
        }

        // The first page is read before the response starts, so an unknown experiment is still a 404 problem.
        var tenant = Tenancy.TenantOf(context);
        var first = await bandits.GetEventsAsync(tenant, id, null, DecisionEventPage.MaxLimit);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.events.parquet\"";
        return TypedResults.Stream(
            async body =>
            {
                await using var writer = await ParquetDecisionWriter.CreateAsync(body, context.RequestAborted);
                for (var page = first; ; page = await bandits.GetEventsAsync(tenant, id, page.Next, DecisionEventPage.MaxLimit))
                {
                    await writer.WriteRowGroupAsync(page.Items.Where(e => window.Contains(e.SelectedAt)).ToList(), context.RequestAborted);
                    if (page.Next is null)
                    {
                        break;
                    }
                }
            },
            ParquetMediaType);
    }
}
