using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

public sealed record TenantBody([property: Required] string? Id);

public sealed record KeyBody([property: Required] string? Name);

public sealed record IssuedKeyResponse(string Id, string Key);
