using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Orleans.Bandits.Http.Dashboard;

/// <summary>
/// With auth on, the Orleans dashboard is the admin's: it shows every grain of every tenant, grain
/// state included. Its own page sends no headers, so besides <c>Authorization: Bearer</c> it accepts
/// HTTP Basic with the admin key as the password, which the browser asks for and then resends itself.
/// A failed login counts against the per-address limit of every key check (<see cref="FailedAuthenticationLimiter"/>),
/// so the login prompt is no faster way to guess the admin key than <c>/v1</c>.
/// </summary>
internal sealed class OrleansDashboardAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var auth = services.GetRequiredService<IOptions<BanditsHttpOptions>>().Value.Auth;
        if (!auth.Enabled)
        {
            return await next(context);
        }

        var presented = BasicPassword(context.HttpContext.Request) ?? ApiKeyAuthenticator.PresentedKey(context.HttpContext.Request);
        if (presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(auth.AdminKey!)))
        {
            return await next(context);
        }

        if (services.GetRequiredService<FailedAuthenticationLimiter>().CountFailure(context.HttpContext) is { } tooMany)
        {
            return tooMany;
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans dashboard: the admin key as password\", charset=\"UTF-8\"";
        return Problems.Status(StatusCodes.Status401Unauthorized, "unauthorized", "Admin only.", "The Orleans dashboard needs the admin key (HTTP Basic, any user name, the key as password).");
    }

    private static string? BasicPassword(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
