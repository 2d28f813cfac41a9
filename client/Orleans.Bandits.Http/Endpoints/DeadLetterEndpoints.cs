namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Admin routes: the feedback the stream provider gave up on, to read, replay once the fault is fixed, or drop.</summary>
public static class DeadLetterEndpoints
{
    public static RouteGroupBuilder MapDeadLetterEndpoints(this RouteGroupBuilder admin)
    {
        var letters = admin.MapGroup("/admin/dead-letters").WithTags("Dead letters");
        letters.MapGet("/", List);
        letters.MapPost("/{id}/replay", Replay);
        letters.MapDelete("/{id}", Delete);
        return admin;
    }

    [EndpointName("listDeadLetters")]
    [EndpointSummary("List dead letters, oldest first")]
    [EndpointDescription("Feedback entries the stream provider gave up on after `MaxDeliveryAttempts` failed deliveries (`max-deliveries`) or because they could not be read (`undecodable`), with the streams (experiments) whose events they carry. Always empty in local mode, whose memory streams give up on nothing. `after` is the `next` of the previous page.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "A limit out of range, or a cursor that is not a letter id (`validation`).")]
    private static async Task<Ok<DeadLetterPage>> List(string? after, int? limit, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDeadLetterGrain>(0).List(after, limit ?? DeadLetterPage.DefaultLimit));

    [EndpointName("replayDeadLetter")]
    [EndpointSummary("Put a dead letter's events back on their queue")]
    [EndpointDescription("Once the fault is fixed: the letter leaves the dead-letter stream and its events are delivered again. Experiments deduplicate them, so an event learned before (or replayed twice) is learned once.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id is not a letter id (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No dead letter with this id (`not-found`).")]
    private static async Task<Accepted> Replay(string id, IGrainFactory grains)
    {
        await grains.GetGrain<IDeadLetterGrain>(0).Replay(id);
        return TypedResults.Accepted((string?)null);
    }

    [EndpointName("deleteDeadLetter")]
    [EndpointSummary("Drop a dead letter")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id is not a letter id (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No dead letter with this id (`not-found`).")]
    private static async Task<NoContent> Delete(string id, IGrainFactory grains)
    {
        await grains.GetGrain<IDeadLetterGrain>(0).Delete(id);
        return TypedResults.NoContent();
    }
}
