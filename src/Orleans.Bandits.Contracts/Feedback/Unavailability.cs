namespace Orleans.Bandits.Contracts.Feedback;

/// <summary>The arm reported itself unavailable (e.g. HTTP 429): mask it, learn no reward.</summary>
[GenerateSerializer, Immutable, Alias("bandits.Unavailability")]
public sealed record Unavailability([property: Id(0)] long RetryAfterMs, [property: Id(1)] bool Backoff = false)
{
    /// <summary>The longest a single report may ask to mask an arm.</summary>
    public const long MaxRetryAfterMs = 24L * 3600 * 1000;
}
