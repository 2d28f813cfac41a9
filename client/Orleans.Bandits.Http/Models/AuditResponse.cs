namespace Orleans.Bandits.Http.Models;

/// <summary>The body of <c>GET /v1/experiments/{id}/audit</c>: the control actions on the id, oldest first.</summary>
public sealed record AuditResponse(IReadOnlyList<AuditEntryResponse> Items);

/// <summary>One control action: when (UTC), the acting key id (<c>admin</c> for the admin key or with auth off, <c>platform</c> for a declared winner), the action and what changed.</summary>
public sealed record AuditEntryResponse(DateTimeOffset At, string Actor, string Action, string Detail);
