using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Bandits.Http.Auth;

/// <summary>Every /v1 route: 401 without a valid key; admin-only routes also 403 for tenant keys.</summary>
public sealed class AuthenticationFilter(bool adminOnly) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var authenticator = context.HttpContext.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        var caller = await authenticator.AuthenticateAsync(context.HttpContext);
        if (caller is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Status(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication required.", "Send a valid API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }

        if (adminOnly && !caller.IsAdmin)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "forbidden", "Admin only.", "This route needs the admin key.");
        }

        Tenancy.SetCaller(context.HttpContext, caller);
        return await next(context);
    }
}
