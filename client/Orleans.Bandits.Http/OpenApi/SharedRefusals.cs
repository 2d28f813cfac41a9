namespace Orleans.Bandits.Http.OpenApi;

/// <summary>
/// The refusals every <c>/v1</c> route shares, as endpoint metadata for the OpenAPI document: the key check
/// (<see cref="ApiKeyAuthenticationMiddleware"/>, <see cref="AuthenticationFilter"/>, <see cref="Tenancy"/>), the
/// per-tenant rate limiter, and a cluster or dependency that is down (<see cref="BanditsExceptionHandler"/>).
/// </summary>
public static class SharedRefusals
{
    public static readonly object[] EveryV1Route =
    [
        new ProblemResponseAttribute(StatusCodes.Status401Unauthorized, "No API key, or an unknown or revoked one (`type` ends with `unauthorized`)."),
        new ProblemResponseAttribute(StatusCodes.Status403Forbidden, "The key may not do this: a tenant's key on an admin route, the admin key on a tenant's route, or a token of another tenant (`forbidden`)."),
        new ProblemResponseAttribute(StatusCodes.Status429TooManyRequests, "The tenant's rate limit (or this address's failed authentications) is exceeded (`rate-limited`); retry after `Retry-After` seconds."),
        new ProblemResponseAttribute(StatusCodes.Status503ServiceUnavailable, "Storage, streams or the cluster are unavailable and nothing was accepted (`unavailable`); retry after `Retry-After` seconds."),
    ];
}
