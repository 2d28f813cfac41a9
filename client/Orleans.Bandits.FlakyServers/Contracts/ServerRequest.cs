namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>The body of <c>POST /</c> on a server (and on the load balancer).</summary>
public sealed record ServerRequest(string? Id);
