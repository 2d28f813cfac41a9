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
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), or an invalid context, exclude, exploration, unit or attributes (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "Every arm is excluded, blocked or retired (`no-arm-available`).")]
    private static async Task<Results<Ok<SelectResponse>, ProblemHttpResult>> Select(string id, SelectBody? body, HttpContext context, IBanditsClient bandits)
    {
        Dictionary<string, AttributeValue>? attributes = null;
        if (body?.Attributes is { } given)
        {
            if (given.Count > SelectRequest.MaxAttributes)
            {
                return Problems.Invalid("attributes", $"attributes holds at most {SelectRequest.MaxAttributes} entries (got {given.Count}).");
            }

            attributes = new Dictionary<string, AttributeValue>(given.Count, StringComparer.Ordinal);
            foreach (var (name, value) in given)
            {
                if (AttributeReader.Read(value) is not { } attribute)
                {
                    return Problems.Invalid($"attributes.{name}", $"attributes.{name} must be a string, a finite number or a boolean.");
                }

                attributes[name] = attribute;
            }
        }

        var request = new SelectRequest(body?.Context, body?.Exclude, body?.Exploration ?? 1.0, body?.Unit, attributes);
        return TypedResults.Ok(SelectResponse.From(await bandits.SelectAsync(Tenancy.TenantOf(context), id, request)));
    }
}
