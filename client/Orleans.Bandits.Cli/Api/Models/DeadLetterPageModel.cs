namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>A page of <c>GET /v1/admin/dead-letters</c>.</summary>
public sealed record DeadLetterPageModel(IReadOnlyList<DeadLetterModel> Items, string? Next);
