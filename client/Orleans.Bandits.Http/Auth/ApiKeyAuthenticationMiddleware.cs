namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// Authenticates every <c>/v1</c> request before anything reads its body, so a request without a valid key is
/// answered 401 having cost no parsing and told nothing about the route's body. Failed attempts are limited per
/// client address (<see cref="FailedAuthenticationLimiter"/>, then 429): guessing keys, or sending random ones to
/// make the cluster look them up, is slow.
/// </summary>
public sealed class ApiKeyAuthenticationMiddleware(RequestDelegate next, ApiKeyAuthenticator authenticator, FailedAuthenticationLimiter failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var caller = await authenticator.AuthenticateAsync(context);
        if (caller is not null)
        {
            Tenancy.SetCaller(context, caller);
            await next(context);
            return;
        }

        await (failures.CountFailure(context) ?? AuthenticationFilter.Unauthorized(context)).ExecuteAsync(context);
    }
}
