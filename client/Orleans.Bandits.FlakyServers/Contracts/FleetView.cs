namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>The whole fleet: the seed its parameters were drawn from and every server.</summary>
public sealed record FleetView(int Seed, int ControlPort, IReadOnlyList<ServerView> Servers);
