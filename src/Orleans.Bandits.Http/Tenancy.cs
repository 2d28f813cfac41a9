using Microsoft.AspNetCore.Http;

namespace Orleans.Bandits.Http;

/// <summary>
/// Which tenant a request acts for. The tenant is never read from the request itself; with no
/// admin key configured (the local default) authentication is off and everything lives in
/// <see cref="DefaultTenant"/>.
/// </summary>
public static class Tenancy
{
    public const string DefaultTenant = "default";

    public static string TenantOf(HttpContext context) => DefaultTenant;
}
