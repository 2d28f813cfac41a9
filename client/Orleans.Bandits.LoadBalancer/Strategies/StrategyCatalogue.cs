
namespace Orleans.Bandits.LoadBalancer.Strategies;

/// <summary>
/// The article's eight strategies, the knapsack primal-dual policy and the uniform-random baseline,
/// each expressed as a platform configuration. Where the article's code differs from what the
/// platform offers, the rationale says how and why.
/// </summary>
public static class StrategyCatalogue
{
    /// <summary>The article's V6/V7 cooldown, and the flaky servers' Retry-After: their limit counts a one-second window.</summary>
    private static readonly TimeSpan RateLimitCooldown = TimeSpan.FromSeconds(1);

    /// <summary>
    /// V1–V5 learn a 429 as a failure, as the article's did; the load balancer still honours the
    /// server's Retry-After itself. The article's strategies updated their counts after every
    /// attempt; the platform learns in batches, so without this a deterministic index (V1–V3) sends
    /// every request of the next half second to the same full server.
    /// </summary>
    private static readonly RateLimitHandling RetryAfterHonoured = RateLimitHandling.AsFailureHonouringRetryAfter(RateLimitCooldown);

    public static Strategy Random { get; } = new(
        "RANDOM",
        "Uniform random routing (baseline)",
        "Every attempt picks uniformly among the servers not yet tried for this request. " +
        "It keeps exploration 1 on every attempt, the one exception to the greedy-from-attempt-4 rule, because a greedy " +
        "fourth attempt would make it a learning strategy and no longer the baseline every strategy must beat; for the same " +
        "reason it keeps no memory of 429s.",
        Policy("random"),
        new ExplorationSchedule([1, 1, 1], 1),
        RateLimitHandling.AsFailure);

    public static Strategy V1 { get; } = new(
        "V1",
        "Larkin intuition (explore first)",
        "explore-first with discovery 50: for the first 50 learned events play the server with the widest Beta posterior, " +
        "then the best empirical mean. The article stops discovering after its 50th request; the platform counts learned events.",
        Policy("explore-first", ("discovery", 50)),
        ExplorationSchedule.Standard,
        RetryAfterHonoured);

    public static Strategy V2 { get; } = new(
        "V2",
        "Vanilla UCB",
        "ucb1 with c = √2 (mean + √(2 ln t / n)); untried servers first.",
        Policy("ucb1", ("c", Math.Sqrt(2))),
        ExplorationSchedule.Standard,
        RetryAfterHonoured);

    public static Strategy V3 { get; } = new(
        "V3",
        "Adjusted UCB",
        "ucb1 with c = 3 on the three free attempts, as the article. The article drops c to 1 from the fourth attempt; " +
        "here attempts 4+ are greedy (scale 0) like every strategy's.",
        Policy("ucb1", ("c", 3)),
        ExplorationSchedule.Standard,
        RetryAfterHonoured);

    public static Strategy V4 { get; } = new(
        "V4",
        "Vanilla Thompson sampling",
        "thompson-beta with a Beta(1, 1) prior; a 429 counts as a failure, as in the article (and the load balancer honours its 1 s Retry-After).",
        Policy("thompson-beta", ("alpha", 1), ("beta", 1)),
        ExplorationSchedule.Standard,
        RetryAfterHonoured);

    public static Strategy V5 { get; } = new(
        "V5",
        "Modified Thompson sampling",
        "thompson-beta with widened posteriors on the free attempts. The article divides the Beta concentration by " +
        "4 · 0.5^(attempt−1), i.e. multiplies the variance by about 4, 2, 1; the platform's scale s divides both shapes by s², " +
        "so s = 2, √2, 1 gives the same widening. Attempts 4+ play the posterior mean.",
        Policy("thompson-beta", ("alpha", 1), ("beta", 1)),
        ExplorationSchedule.FreeThenGreedy(2, Math.Sqrt(2), 1),
        RetryAfterHonoured);

    public static Strategy V6 { get; } = new(
        "V6",
        "Thompson masked",
        "thompson-beta; a 429 is not a failure: it is reported unavailable and the platform masks the server for 1 s on every silo.",
        Policy("thompson-beta", ("alpha", 1), ("beta", 1)),
        ExplorationSchedule.Standard,
        RateLimitHandling.Mask(RateLimitCooldown));

    public static Strategy V7 { get; } = new(
        "V7",
        "Sliding-window Thompson",
        "sliding-window-thompson with 429 masking (1 s). The article keeps the last 30 outcomes per server; the platform's " +
        "window spans all arms, so W = 300 keeps about 30 per server across the ten servers of a tier.",
        Policy("sliding-window-thompson", ("window", 300)),
        ExplorationSchedule.Standard,
        RateLimitHandling.Mask(RateLimitCooldown));

    public static Strategy V8 { get; } = new(
        "V8",
        "Blocking bandit",
        "thompson-beta; a 429 blocks the server with exponential backoff: 1 s, doubled per consecutive 429 (the platform " +
        "caps a block at one minute and starts over once the server answers again).",
        Policy("thompson-beta", ("alpha", 1), ("beta", 1)),
        ExplorationSchedule.Standard,
        RateLimitHandling.Mask(RateLimitCooldown, backoff: true));

    public static Strategy Bwk { get; } = new(
        "BWK",
        "Bandits with knapsacks (PrimalDualBwK)",
        "bwk-primal-dual with retries as the consumed resource: every failed attempt consumes one retry (cost 1), a success none. " +
        "Budget 5,000 retries over a horizon of 10,000 attempts (ten attempts for each of 1,000 requests), so a run never " +
        "exhausts it and the shadow price, not the budget, shapes routing. The paper's confidence radius uses C = ln(dTK) ≈ 12, " +
        "a worst-case union bound that keeps every server's optimistic bang per buck equal for about 200 pulls each, i.e. " +
        "uniform routing for a whole 1,000-request run; scale 0.25 on the free attempts lets it separate servers after about " +
        "30 pulls each. 429s are masked for 1 s.",
        new PolicySpec("bwk-primal-dual", new Dictionary<string, double[]> { ["budgets"] = [5_000], ["horizon"] = [10_000] }),
        ExplorationSchedule.FreeThenGreedy(0.25, 0.25, 0.25),
        RateLimitHandling.Mask(RateLimitCooldown),
        ReportsRetryCost: true);

    /// <summary>Every strategy, baseline first.</summary>
    public static IReadOnlyList<Strategy> All { get; } = [Random, V1, V2, V3, V4, V5, V6, V7, V8, Bwk];

    public static Strategy? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static PolicySpec Policy(string name, params (string Name, double Value)[] parameters) =>
        new(name, parameters.ToDictionary(p => p.Name, p => new[] { p.Value }, StringComparer.Ordinal));
}
