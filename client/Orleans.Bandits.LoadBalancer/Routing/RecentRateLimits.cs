using System.Collections.Concurrent;

namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>
/// The 429s this load balancer saw itself on one route, each keeping its server out of the choice
/// for the strategy's Retry-After. The platform hears of the 429 too (as a failure, or as a mask on
/// every silo), but that reaches the selector replicas only at their next refresh (up to half a
/// second for the Thompson samplers), half of the servers' one-second rate-limit window: without
/// this memory, the requests of that half second would all meet the same full server. A longer
/// platform mask (backoff) covers the rest once it is visible.
/// </summary>
public sealed class RecentRateLimits(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _until = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="server"/> out for <paramref name="retryAfter"/>; a report never shortens a mask in force.</summary>
    public void Report(string server, TimeSpan retryAfter)
    {
        var until = clock.GetTimestamp() + (long)(retryAfter.TotalSeconds * clock.TimestampFrequency);
        _until.AddOrUpdate(server, until, (_, current) => Math.Max(current, until));
    }

    /// <summary>The servers still masked now.</summary>
    public IReadOnlyList<string> Masked()
    {
        var now = clock.GetTimestamp();
        return [.. _until.Where(entry => entry.Value > now).Select(entry => entry.Key)];
    }

    /// <summary>When the mask on <paramref name="server"/> ends, or <see cref="DateTimeOffset.MinValue"/> when it is not masked.</summary>
    public DateTimeOffset MaskedUntil(string server)
    {
        var now = clock.GetTimestamp();
        return _until.TryGetValue(server, out var until) && until > now
            ? clock.GetUtcNow() + clock.GetElapsedTime(now, until)
            : DateTimeOffset.MinValue;
    }
}
