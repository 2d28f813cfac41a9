namespace Orleans.Bandits.Policies.Blocking;

/// <summary>
/// Whether an arm is masked from selection because it reported itself unavailable (for example
/// HTTP 429), and how many consecutive reports the current backoff is built on.
/// Works with every policy: it only contributes to the exclusion mask.
/// </summary>
/// <param name="BlockedUntilUnixMs">Masked while the clock is before this instant (0 = never blocked).</param>
/// <param name="ConsecutiveReports">Unavailable reports since the last reward; drives exponential backoff.</param>
public readonly record struct ArmBlock(long BlockedUntilUnixMs, int ConsecutiveReports)
{
    /// <summary>The longest a single report may mask an arm when backoff doubles it.</summary>
    public static readonly TimeSpan DefaultBackoffCap = TimeSpan.FromMinutes(1);

    public bool IsBlocked(long nowUnixMs) => nowUnixMs < BlockedUntilUnixMs;

    /// <summary>
    /// Applies an "unavailable" report: masks the arm for <paramref name="retryAfterMs"/>, or with
    /// <paramref name="backoff"/> for retryAfter·2^(n−1) on the n-th consecutive report, capped.
    /// A report never shortens a block already in force. A report that arrives while the arm is still
    /// blocked is the same episode, not a new one: requests sent before the block reached the
    /// selectors (they learn in batches) or in flight when it began meet the same limit, and counting
    /// each as a further failure to recover would double the block several times over one episode.
    /// </summary>
    public ArmBlock Report(long nowUnixMs, long retryAfterMs, bool backoff, TimeSpan? cap = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterMs);
        var consecutive = IsBlocked(nowUnixMs) && ConsecutiveReports > 0 ? ConsecutiveReports : ConsecutiveReports + 1;
        var capMs = (long)(cap ?? DefaultBackoffCap).TotalMilliseconds;
        var duration = backoff
            ? Math.Min(Math.Max(capMs, retryAfterMs), retryAfterMs * (1L << Math.Min(consecutive - 1, 30)))
            : retryAfterMs;
        return new ArmBlock(Math.Max(BlockedUntilUnixMs, nowUnixMs + duration), consecutive);
    }

    /// <summary>A reward shows the arm answers again: the backoff starts over (a block in force stays).</summary>
    public ArmBlock RewardObserved() => this with { ConsecutiveReports = 0 };
}
