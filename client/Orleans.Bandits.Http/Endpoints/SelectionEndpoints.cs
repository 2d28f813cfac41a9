namespace Orleans.Bandits.Http.Endpoints;

/// <summary>The hot path: which arm now?</summary>
public static class SelectionEndpoints
{
    public static RouteGroupBuilder MapSelectionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/experiments/{id}/select", Select).WithTags("Selection");
        return v1;
    }

    [EndpointName("selectArm")]
    [EndpointSummary("Choose an arm")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), or an invalid context, exclude or exploration (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "Every arm is excluded, blocked or retired (`no-arm-available`).")]
    private static async Task<Ok<SelectResponse>> Select(string id, SelectBody? body, HttpContext context, IBanditsClient bandits)
    {
        var request = new SelectRequest(body?.Context, body?.Exclude, body?.Exploration ?? 1.0);
        var result = await bandits.SelectAsync(Tenancy.TenantOf(context), id, request);
        return TypedResults.Ok(new SelectResponse(result.Arm, result.Token, result.Propensity, result.Version, result.Paused ? true : null));
    }
}
