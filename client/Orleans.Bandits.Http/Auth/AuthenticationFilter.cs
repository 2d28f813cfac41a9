using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// 401 without a valid key; admin-only routes also 403 for tenant keys. On <c>/v1</c> the caller was already
/// authenticated by <see cref="ApiKeyAuthenticationMiddleware"/>; elsewhere (metrics, the dashboard's extensions)
/// this filter authenticates, and counts failures against the same per-address limit.
/// </summary>
public sealed class AuthenticationFilter(bool adminOnly) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var caller = Tenancy.FindCaller(context.HttpContext)
            ?? await services.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(context.HttpContext);
        if (caller is null)
        {
            return services.GetRequiredService<FailedAuthenticationLimiter>().CountFailure(context.HttpContext) ?? Unauthorized(context.HttpContext);
        }

        if (adminOnly && !caller.IsAdmin)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "forbidden", "Admin only.", "This route needs the admin key.");
        }

        Tenancy.SetCaller(context.HttpContext, caller);
        return await next(context);
    }

    /// <summary>The 401 for a request without a valid key.</summary>
    public static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Status(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication required.", "Send a valid API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
    }
}
