namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>Body of <c>POST /reseed</c>: draw every server again from this seed.</summary>
public sealed record ReseedRequest(int Seed);
