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
    [EndpointDescription("The experiment's gates come first: while it is paused, outside its schedule, when a targeting rule does not hold for `attributes`, "
        + "or when `unit` is outside its rollout, the answer is its default arm with `token` null, `isDefault` true and `reason` "
        + "(`paused`, `schedule`, `targeting` or `rollout`, the first that applies); nothing is recorded or learned. A unit in the holdout is served "
        + "uniformly among the selectable arms (`holdout` true, propensity 1/K). Otherwise the policy chooses, under the exploration floor f where set: "
        + "the propensity is then f/K + (1 − f)·p. Without `unit`, a rollout below 100 % or a holdout treats each request as a new random unit.")]
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
