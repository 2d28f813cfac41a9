namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// Who a control call acts for, carried in the Orleans request context rather than in every method's signature:
/// the HTTP API sets the caller's key id on its control routes, and a call without one (the admin key, auth off,
/// or an Orleans client, which names any tenant it likes) acts as <see cref="Admin"/>.
/// </summary>
public static class AuditActor
{
    /// <summary>The admin key, auth off, or a trusted Orleans client.</summary>
    public const string Admin = "admin";

    /// <summary>The platform itself (it declares winners).</summary>
    public const string Platform = "platform";

    private const string ContextKey = "bandits.actor";

    /// <summary>The actor of the current call.</summary>
    public static string Current => RequestContext.Get(ContextKey) as string ?? Admin;

    /// <summary>Makes the grain calls that follow in this async flow act for <paramref name="actor"/>.</summary>
    public static void Set(string actor) => RequestContext.Set(ContextKey, actor);
}
