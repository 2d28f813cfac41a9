using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Bandits.Client;
using Orleans.Bandits.Policies;

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

    private static async Task<Ok<StatsResponse>> Stats(string id, HttpContext context, IBanditsClient bandits) =>
        TypedResults.Ok(StatsResponse.From(await bandits.GetStatsAsync(Tenancy.TenantOf(context), id)));

    private static Ok<PolicyCatalogueResponse> Policies() => TypedResults.Ok(new PolicyCatalogueResponse(
        PolicyCatalogue.All.Select(d => new PolicyEntryResponse(
            d.Name,
            d.Summary,
            d.Contextual,
            d.RewardRange.Min is null && d.RewardRange.Max is null ? null : [d.RewardRange.Min, d.RewardRange.Max],
            d.Parameters.Select(p => new PolicyParameterResponse(p.Name, p.Default, p.Description)).ToList(),
            d.Defaults.ReplicaTtl.TotalMilliseconds,
            d.Defaults.TrainingInterval.TotalMilliseconds)).ToList()));
}
