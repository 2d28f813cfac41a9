namespace Orleans.Bandits.Gateway;

/// <summary>Configuration section <c>Bandits:Clustering</c>: how the gateway finds the silos.</summary>
public sealed class GatewayClusteringOptions
{
    public const string Section = "Bandits:Clustering";

    /// <summary>The silo gateway port on localhost (local mode).</summary>
    public int GatewayPort { get; set; } = 30000;
}
