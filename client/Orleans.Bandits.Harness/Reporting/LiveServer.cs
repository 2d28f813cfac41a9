namespace Orleans.Bandits.Harness.Reporting;

/// <summary>A server of the live run's tier: its configured success probability and the 429s it answered in this run.</summary>
public sealed record LiveServer(string Name, string Tier, double SuccessRate, int RateLimited);
