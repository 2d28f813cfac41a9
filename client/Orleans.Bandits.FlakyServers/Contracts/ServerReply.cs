namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>What a server answers, with any status: the id it handled and which server it was.</summary>
public sealed record ServerReply(string Id, string Server);
