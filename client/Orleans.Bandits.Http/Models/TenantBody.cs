namespace Orleans.Bandits.Http.Models;

public sealed record TenantBody(string? Id);

public sealed record KeyBody(string? Name);

public sealed record IssuedKeyResponse(string Id, string Key);
