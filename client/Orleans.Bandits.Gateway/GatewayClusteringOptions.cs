namespace Orleans.Bandits.Gateway;

/// <summary>
/// How the gateway finds the silos (configuration <c>Bandits</c>): <c>Bandits:Mode</c> Local
/// (a silo on localhost, <c>Bandits:Clustering:GatewayPort</c>) or Redis
/// (<c>Bandits:Redis:ConnectionString</c>, the silos' membership table).
/// </summary>
public sealed class GatewayClusteringOptions
{
    public const string Section = "Bandits";

    public string Mode { get; set; } = "Local";

    public ClusteringSection Clustering { get; set; } = new();

    public RedisSection Redis { get; set; } = new();

    public sealed class ClusteringSection
    {
        public int GatewayPort { get; set; } = 30000;
    }

    public sealed class RedisSection
    {
        public string? ConnectionString { get; set; }
    }
}
