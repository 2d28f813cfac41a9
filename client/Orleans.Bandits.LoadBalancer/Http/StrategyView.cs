using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.LoadBalancer.Http;

/// <summary>A strategy as <c>GET /strategies</c> lists it: the platform configuration and why it is so.</summary>
public sealed record StrategyView(
    string Name,
    string Title,
    string Policy,
    IReadOnlyDictionary<string, double[]> Params,
    string Exploration,
    string RateLimits,
    bool ReportsRetryCost,
    string Rationale)
{
    public static StrategyView Of(Strategy strategy) => new(
        strategy.Name,
        strategy.Title,
        strategy.Policy.Name,
        strategy.Policy.Params,
        strategy.Exploration.ToString(),
        strategy.RateLimits.ToString(),
        strategy.ReportsRetryCost,
        strategy.Rationale);
}
