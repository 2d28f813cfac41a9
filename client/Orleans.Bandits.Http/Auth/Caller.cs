namespace Orleans.Bandits.Http.Auth;

/// <summary>Who is calling: the admin, or a tenant's key.</summary>
public sealed record Caller(bool IsAdmin, string? Tenant);
