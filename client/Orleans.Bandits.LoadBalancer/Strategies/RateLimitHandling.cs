namespace Orleans.Bandits.LoadBalancer.Strategies;

/// <summary>
/// What a strategy does when a server answers 429. The platform hears of it either as an ordinary
/// failure (reward 0, as the article's V1–V5 did: they only saw "not 200"), or as <c>unavailable</c>:
/// no reward is learned and the platform masks the arm on every silo for <see cref="RetryAfterMs"/>,
/// doubled per consecutive report when <see cref="Backoff"/> is set. Either way, with a
/// <see cref="RetryAfterMs"/> above 0 the load balancer itself keeps the server out of its next
/// choices for that long (the servers' Retry-After), because whatever the platform learns from the
/// 429 reaches its selector replicas only at their next refresh. With a <see cref="RetryAfterMs"/>
/// above 0 the load balancer also learns each server's capacity per window from the requests it
/// accepted before its 429, and stops offering a server whose window is full
/// (<see cref="Routing.LearnedCapacities"/>), for <see cref="CapacityMemoryMs"/> after that 429,
/// longer (up to <see cref="CapacityMemoryCapMs"/>) while later 429s confirm it.
/// </summary>
public sealed record RateLimitHandling(bool Masks, long RetryAfterMs, bool Backoff)
{
    /// <summary>
    /// How long a newly learned capacity holds: short against the 8–20 s swing of a varying limit,
    /// whose rises are found only by trying.
    /// </summary>
    public const long CapacityMemoryMs = 5_000;

    /// <summary>
    /// How long a capacity holds once 429s keep confirming it (the memory doubles per confirmation):
    /// a fixed limit then costs one 429 per server a minute instead of one every five seconds.
    /// </summary>
    public const long CapacityMemoryCapMs = 60_000;

    /// <summary>A 429 is a failure and nothing more: the uniform-random baseline, which keeps no memory.</summary>
    public static RateLimitHandling AsFailure { get; } = new(false, 0, false);

    /// <summary>A 429 is learned as a failure, and the load balancer honours the server's Retry-After.</summary>
    public static RateLimitHandling AsFailureHonouringRetryAfter(TimeSpan retryAfter) =>
        new(false, (long)retryAfter.TotalMilliseconds, false);

    public static RateLimitHandling Mask(TimeSpan retryAfter, bool backoff = false) =>
        new(true, (long)retryAfter.TotalMilliseconds, backoff);

    /// <summary>How long this load balancer keeps a server that answered 429 out of its own choices.</summary>
    public TimeSpan LocalRetryAfter => TimeSpan.FromMilliseconds(RetryAfterMs);

    /// <summary>Whether the load balancer remembers 429s at all: every strategy but the memoryless random baseline.</summary>
    public bool Remembers => RetryAfterMs > 0;

    public override string ToString() => (Masks
        ? $"429 = unavailable, masked on every silo {RetryAfterMs} ms{(Backoff ? ", doubling per consecutive 429" : "")}"
        : "429 = failure (reward 0)") + (Remembers ? $"; kept out by the load balancer {RetryAfterMs} ms, and while its window holds the capacity learned from its last 429" : "");
}
