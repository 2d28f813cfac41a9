
namespace Orleans.Bandits.LoadBalancer.Strategies;

/// <summary>
/// A routing strategy as a platform configuration: which catalogue policy with which parameters,
/// the exploration scale per attempt, and what a 429 means. Nothing else differs between strategies;
/// the load balancer's loop is the same for all of them.
/// </summary>
/// <param name="Name">Short name used in routes, files and tables (V1–V8, BWK, RANDOM).</param>
/// <param name="Title">What the article calls it.</param>
/// <param name="Rationale">Why it is configured this way, for <c>GET /strategies</c> and the README.</param>
/// <param name="Policy">Catalogue policy name and parameters.</param>
/// <param name="Exploration">Exploration scale per attempt.</param>
/// <param name="RateLimits">What a 429 is reported as.</param>
/// <param name="ReportsRetryCost">Whether feedback carries the retry the attempt consumed (knapsack policies need it).</param>
public sealed record Strategy(
    string Name,
    string Title,
    string Rationale,
    PolicySpec Policy,
    ExplorationSchedule Exploration,
    RateLimitHandling RateLimits,
    bool ReportsRetryCost = false)
{
    /// <summary>The costs to report for an attempt: one retry consumed when it failed, none when it succeeded.</summary>
    public double[]? CostsFor(bool failed) => ReportsRetryCost ? [failed ? 1 : 0] : null;
}
