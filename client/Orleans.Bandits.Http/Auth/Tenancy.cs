namespace Orleans.Bandits.Http.Auth;

/// <summary>
/// Which tenant a request acts for: the tenant of its API key, never anything read from the
/// path, a header or the body. With auth off everything lives in <see cref="DefaultTenant"/>.
/// </summary>
public static class Tenancy
{
    public const string DefaultTenant = "default";

    private const string CallerItem = "bandits.caller";

    public static void SetCaller(HttpContext context, Caller caller) => context.Items[CallerItem] = caller;

    /// <summary>The caller authenticated earlier in this request, if any.</summary>
    public static Caller? FindCaller(HttpContext context) => context.Items[CallerItem] as Caller;

    public static Caller CallerOf(HttpContext context) =>
        FindCaller(context) ?? throw new InvalidOperationException("The request was not authenticated; is the endpoint outside the /v1 group?");

    public static string TenantOf(HttpContext context) =>
        CallerOf(context).Tenant ?? throw new BanditsException(BanditsErrorKind.Forbidden, "The admin key manages tenants; use a tenant's API key for this route.");
}
