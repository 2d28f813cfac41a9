namespace Orleans.Bandits.Http.Endpoints;

/// <summary>What experiments have learned, and what policies exist.</summary>
public static class ObservingEndpoints
{
    public static RouteGroupBuilder MapObservingEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/experiments/{id}/stats", Stats).WithTags("Observing");
        v1.MapGet("/policies", Policies).WithTags("Observing");
        return v1;
    }

    [EndpointName("getStats")]
    [EndpointSummary("Read what an experiment has learned")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The id does not match `^[a-z0-9][a-z0-9._-]{0,63}$` (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No experiment with this id (`type` ends with `not-found`).")]
    private static async Task<Ok<StatsResponse>> Stats(string id, HttpContext context, IBanditsClient bandits) =>
        TypedResults.Ok(StatsResponse.From(await bandits.GetStatsAsync(Tenancy.TenantOf(context), id)));

    [EndpointName("listPolicies")]
    [EndpointSummary("List the policies and their parameters")]
    private static async Task<Ok<PolicyCatalogueResponse>> Policies(IBanditsClient bandits) => TypedResults.Ok(new PolicyCatalogueResponse(
        (await bandits.ListPoliciesAsync()).Select(p => new PolicyEntryResponse(
            p.Name,
            p.Summary,
            p.Contextual,
            p.RewardMin is null && p.RewardMax is null ? null : [p.RewardMin, p.RewardMax],
            p.Parameters.Select(parameter => new PolicyParameterResponse(parameter.Name, parameter.Default, parameter.Description)).ToList(),
            p.ReplicaTtl.TotalMilliseconds,
            p.TrainingInterval.TotalMilliseconds)).ToList()));
}
