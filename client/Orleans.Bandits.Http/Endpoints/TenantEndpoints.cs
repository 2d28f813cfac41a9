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

    private static async Task<Results<Created<TenantBody>, ProblemHttpResult>> Create(TenantBody body, IBanditsClient bandits)
    {
        if (!ExperimentId.IsValidId(body.Id))
        {
            return Problems.Invalid("id", $"id is required and must match {ExperimentId.IdRule}.");
        }

        await bandits.CreateTenantAsync(body.Id!);
        return TypedResults.Created($"/v1/tenants/{body.Id}", new TenantBody(body.Id));
    }

    private static async Task<Created<IssuedKeyResponse>> IssueKey(string tenant, KeyBody body, IBanditsClient bandits)
    {
        var issued = await bandits.IssueApiKeyAsync(tenant, body.Name ?? "");
        return TypedResults.Created($"/v1/tenants/{tenant}/keys/{issued.Id}", new IssuedKeyResponse(issued.Id, issued.Key));
    }

    private static async Task<NoContent> RevokeKey(string tenant, string keyId, IBanditsClient bandits)
    {
        await bandits.RevokeApiKeyAsync(tenant, keyId);
        return TypedResults.NoContent();
    }
}
