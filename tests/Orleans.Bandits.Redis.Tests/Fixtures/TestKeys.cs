using Orleans.Bandits.Grains.Tokens;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>The token key every test silo signs and verifies with, so tokens outlive the silo that issued them.</summary>
public static class TestKeys
{
    public static readonly TokenKey Signing = new("redis-test-key", Enumerable.Range(1, 32).Select(i => (byte)(255 - i)).ToArray());
}
