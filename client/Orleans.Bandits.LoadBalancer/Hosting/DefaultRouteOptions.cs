namespace Orleans.Bandits.LoadBalancer.Hosting;

/// <summary>
/// The route behind <c>POST /</c>, as the article's load balancer had one strategy and one tier per
/// process. Servers are found where the flaky servers listen by default: tier k's i-th server on
/// <c>BasePort + 10·k + i</c>, named <c>t{k+1}-s{i}</c>.
/// </summary>
public sealed class DefaultRouteOptions
{
    /// <summary>Strategy name (V1–V8, BWK, RANDOM); none means <c>POST /</c> answers 404.</summary>
    public string? Strategy { get; set; }

    public string Tier { get; set; } = "T1";

    public int BasePort { get; set; } = 7100;

    public int ServersPerTier { get; set; } = 10;
}
