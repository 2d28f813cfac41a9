namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>The policy catalogue of <c>GET /v1/policies</c>.</summary>
public sealed record PolicyCatalogueModel(IReadOnlyList<PolicyEntryModel> Items);

public sealed record PolicyEntryModel(string Name, string? Summary, bool Contextual, double?[]? RewardRange, IReadOnlyList<PolicyParameterModel> Params);

public sealed record PolicyParameterModel(string Name, double? Default, string? Description);
