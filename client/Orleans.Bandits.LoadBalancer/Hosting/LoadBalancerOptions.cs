namespace Orleans.Bandits.LoadBalancer.Hosting;

/// <summary>The load balancer's settings (section <c>LoadBalancer</c>).</summary>
public sealed class LoadBalancerOptions
{
    public const string Section = "LoadBalancer";

    /// <summary>The platform tenant the experiments live in; <c>default</c> is the tenant of a local silo with auth off.</summary>
    public string Tenant { get; set; } = "default";

    /// <summary>The silo gateway port the Orleans client connects to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Attempts per request before the load balancer gives up (the take-home allows up to ten).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a token stays valid for feedback; feedback follows within milliseconds, so a short window keeps dedup memory small.</summary>
    public int FeedbackWindowSeconds { get; set; } = 600;

    /// <summary>The route <c>POST /</c> serves, created at startup when a strategy is set.</summary>
    public DefaultRouteOptions Default { get; set; } = new();
}
