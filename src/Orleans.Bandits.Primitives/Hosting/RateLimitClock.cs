namespace Orleans.Bandits.Primitives.Hosting;

/// <summary>
/// The key of the keyed <see cref="TimeProvider"/> request rate limits run on, in the silos' buckets and the HTTP
/// hosts' leases alike. A clock of their own lets a test drive a limit through simulated seconds while the runtime
/// keeps the real one.
/// </summary>
public static class RateLimitClock
{
    public const string Key = "bandits.rate-limits";
}
