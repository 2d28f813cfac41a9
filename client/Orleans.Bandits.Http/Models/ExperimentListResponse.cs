namespace Orleans.Bandits.Http.Models;

public sealed record ExperimentListResponse(IReadOnlyList<ExperimentResponse> Items);
