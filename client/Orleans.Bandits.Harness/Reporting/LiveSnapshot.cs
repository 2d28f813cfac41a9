namespace Orleans.Bandits.Harness.Reporting;

/// <summary>The content of <c>live.json</c>, the dashboard's view of the run in progress.</summary>
public sealed record LiveSnapshot(string Strategy, string Tier, int Seed, DateTimeOffset UpdatedAt, IReadOnlyList<LivePoint> Points, IReadOnlyList<LiveServer> Servers);
