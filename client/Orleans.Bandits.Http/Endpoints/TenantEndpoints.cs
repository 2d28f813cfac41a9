namespace Orleans.Bandits.Http.Endpoints;

/// <summary>Admin routes: tenants and their API keys.</summary>
public static class TenantEndpoints
{
    public static RouteGroupBuilder MapTenantEndpoints(this RouteGroupBuilder admin)
    {
        var tenants = admin.MapGroup("/tenants").WithTags("Tenants");
        tenants.MapPost("/", Create);
        tenants.MapPost("/{tenant}/keys", IssueKey);
        tenants.MapDelete("/{tenant}/keys/{keyId}", RevokeKey);
        return admin;
    }

    [EndpointName("createTenant")]
    [EndpointSummary("Create a tenant")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), or an invalid id (`validation`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "A tenant with this id already exists (`conflict`).")]
    private static async Task<Results<Created<TenantBody>, ProblemHttpResult>> Create(TenantBody body, IBanditsClient bandits)
    {
        if (!ExperimentId.IsValidId(body.Id))
        {
            return Problems.Invalid("id", $"id is required and must match {ExperimentId.IdRule}.");
        }

        await bandits.CreateTenantAsync(body.Id!);
        return TypedResults.Created($"/v1/tenants/{body.Id}", new TenantBody(body.Id));
    }

    [EndpointName("issueApiKey")]
    [EndpointSummary("Issue an API key for a tenant")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "Malformed JSON (`bad-request`), or a missing or too long name (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No tenant with this id (`not-found`).")]
    [ProblemResponse(StatusCodes.Status409Conflict, "The tenant holds its quota of unrevoked keys (`quota-exceeded`); revoke one first.")]
    private static async Task<Created<IssuedKeyResponse>> IssueKey(string tenant, KeyBody body, IBanditsClient bandits)
    {
        var issued = await bandits.IssueApiKeyAsync(tenant, body.Name ?? "");
        return TypedResults.Created($"/v1/tenants/{tenant}/keys/{issued.Id}", new IssuedKeyResponse(issued.Id, issued.Key));
    }

    [EndpointName("revokeApiKey")]
    [EndpointSummary("Revoke an API key")]
    [ProblemResponse(StatusCodes.Status400BadRequest, "The tenant id is invalid (`validation`).")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No tenant with this id, or no such key for it (`not-found`).")]
    private static async Task<NoContent> RevokeKey(string tenant, string keyId, IBanditsClient bandits)
    {
        await bandits.RevokeApiKeyAsync(tenant, keyId);
        return TypedResults.NoContent();
    }
}
