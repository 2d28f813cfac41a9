namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>The server to try next and the platform's token for its feedback (none for a fallback choice).</summary>
public sealed record ServerChoice(string Server, string? Token, bool Fallback);
