namespace Orleans.Bandits.LoadBalancer.Strategies;

/// <summary>
/// What a strategy tells the platform when a server answers 429. Either it is an ordinary failure
/// (reward 0, as the article's V1–V5 did: they only saw "not 200"), or the server is reported
/// <c>unavailable</c>: no reward is learned and the platform masks the arm on every silo for
/// <see cref="RetryAfterMs"/>, doubled per consecutive report when <see cref="Backoff"/> is set.
/// </summary>
public sealed record RateLimitHandling(bool Masks, long RetryAfterMs, bool Backoff)
{
    public static RateLimitHandling AsFailure { get; } = new(false, 0, false);

    public static RateLimitHandling Mask(TimeSpan retryAfter, bool backoff = false) =>
        new(true, (long)retryAfter.TotalMilliseconds, backoff);

    public override string ToString() => !Masks
        ? "429 = failure (reward 0)"
        : $"429 = unavailable, masked {RetryAfterMs} ms{(Backoff ? ", doubling per consecutive 429" : "")}";
}
