namespace Orleans.Bandits.Http.Models;

public sealed record PolicyCatalogueResponse(IReadOnlyList<PolicyEntryResponse> Items);

/// <summary>One policy: its name, whether it needs a context, the rewards it accepts and its parameters.</summary>
public sealed record PolicyEntryResponse(string Name, string Summary, bool Contextual, double?[]? RewardRange, IReadOnlyList<PolicyParameterResponse> Params, double ReplicaTtlMs, double TrainingIntervalMs);

public sealed record PolicyParameterResponse(string Name, double? Default, string Description);
