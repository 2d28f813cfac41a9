using Microsoft.AspNetCore.Http;

namespace Orleans.Bandits.Http.Errors;

/// <summary>
/// Headers on every response (API, dashboard, docs): scripts, styles and connections only from this origin, no
/// framing (clickjacking), no content sniffing, and no referrer sent on, since URLs may carry experiment names.
/// The dashboard and the docs page load everything from this host, so nothing they need is refused. The Orleans
/// dashboard (third-party, admin only) is left without the content policy, which its page was not written for.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        if (!context.Request.Path.StartsWithSegments(BanditsDashboard.OrleansDashboardPrefix))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
