namespace Orleans.Bandits.Http;

public sealed record ExperimentListResponse(IReadOnlyList<ExperimentResponse> Items);
