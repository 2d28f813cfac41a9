namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// <see cref="RateLimitClockFixture"/>'s tenant bucket (200/s, burst 400), and a bucket of 50/s with a burst of 100 for
/// each API key, on the same clock that moves only when a test advances it.
/// </summary>
public sealed class KeyRateLimitClockFixture : RateLimitClockFixture
{
    public const int KeyPermitsPerSecond = 50;
    public const int KeyBurst = 100;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bandits:Auth:AdminKey"] = AuthenticatedSiloFixture.AdminKey,
        ["Bandits:RateLimit:PermitsPerSecond"] = $"{PermitsPerSecond}",
        ["Bandits:RateLimit:Burst"] = $"{Burst}",
        ["Bandits:RateLimit:PerKey:PermitsPerSecond"] = $"{KeyPermitsPerSecond}",
        ["Bandits:RateLimit:PerKey:Burst"] = $"{KeyBurst}",
    };
}
