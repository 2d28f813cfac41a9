namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Off-policy evaluation: what another policy would have earned on an experiment's decision log.</summary>
public static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluationEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/experiments/{id}/evaluate", Evaluate).WithTags("Decisions");
        return v1;
    }

    [EndpointName("evaluatePolicy")]
    [EndpointSummary("Estimate what a policy would have earned on the decision log")]
    [EndpointDescription("Replays any catalogue policy (contextual ones on the logged contexts) on the decisions selected from `from` (included) to `to` (excluded) that have a propensity and a reward, the most recent 20,000 at most, and estimates its value per decision by IPS, SNIPS and doubly robust estimation, each with a 95 % interval and the effective sample size, beside the logging policy's own mean reward. Reads the log and changes nothing.")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), an invalid id, a missing or unknown policy, parameter or estimator, a policy that cannot learn the logged decisions, or `from` or `to` not an ISO 8601 time (`validation`, with `errors` by field).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "Fewer than two decisions in the window have both a propensity and a reward (`not-evaluable`): deterministic choices log no propensity.")]
    private static async Task<Results<Ok<EvaluationResponse>, ProblemHttpResult>> Evaluate(string id, EvaluateBody body, HttpContext context, IBanditsClient bandits)
    {
        if (body.Policy is not { Name: { } name } requested)
        {
            return Problems.Invalid("policy", "policy is required: {\"name\": \"ucb1\", \"params\": {}}, a policy of GET /v1/policies.");
        }

        if (!PolicyBodyReader.TryRead(requested, name, out var policy, out var problem))
        {
            return problem;
        }

        if (body.Estimators?.Any(e => e is null) == true)
        {
            return Problems.Invalid("estimators", "estimators must be a list of names: ips, snips, dr.");
        }

        if (!DecisionWindowQuery.TryParse(body.From, body.To, out var window, out problem))
        {
            return problem;
        }

        var estimators = body.Estimators?.OfType<string>().ToList() ?? [.. EvaluationRequest.AllEstimators];
        var report = await bandits.EvaluateAsync(Tenancy.TenantOf(context), id, new EvaluationRequest(policy, estimators, window));
        return TypedResults.Ok(EvaluationResponse.From(report));
    }
}
