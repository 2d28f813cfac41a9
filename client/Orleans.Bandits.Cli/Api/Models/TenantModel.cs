namespace Orleans.Bandits.Cli.Api.Models;

public sealed record TenantModel(string Id);
