namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>A clock that moves only when told, so rate-limit tests count exactly instead of racing real time.</summary>
public sealed class ManualClock : TimeProvider
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => Origin.AddTicks(_ticks);

    public TimeSpan Elapsed => TimeSpan.FromTicks(_ticks);

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
