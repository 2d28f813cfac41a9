namespace Orleans.Bandits.Http.Models;

/// <summary>A page of experiments; <see cref="Next"/> is the <c>after</c> of the next page, <c>null</c> on the last.</summary>
public sealed record ExperimentListResponse(IReadOnlyList<ExperimentResponse> Items, string? Next);
