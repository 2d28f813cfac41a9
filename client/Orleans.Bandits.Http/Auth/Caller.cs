namespace Orleans.Bandits.Http.Auth;

/// <summary>Who is calling: the admin, or a tenant's key.</summary>
/// <param name="KeyId">The API key's public id; <c>null</c> for the admin key and with auth off.</param>
public sealed record Caller(bool IsAdmin, string? Tenant, string? KeyId = null)
{
    /// <summary>Who the audit log names for this caller's control actions.</summary>
    public string Actor => KeyId ?? AuditActor.Admin;
}
