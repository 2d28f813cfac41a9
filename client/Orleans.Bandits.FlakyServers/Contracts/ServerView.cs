using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>One server's configuration and counters since its last reset.</summary>
public sealed record ServerView(
    string Name,
    Tier Tier,
    int Port,
    string Url,
    double SuccessRate,
    RateLimitView? RateLimit,
    long Requests,
    long Successes,
    long Failures,
    long RateLimited);
