using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Routing;

/// <summary>A 429 keeps its server out for exactly the retry-after, and a later, shorter report never cuts a mask short.</summary>
public sealed class RecentRateLimitsTests
{
    [Fact]
    public void A_reported_server_is_masked_until_its_retry_after_has_passed()
    {
        var clock = new ManualClock();
        var recent = new RecentRateLimits(clock);
        recent.Report("s1", TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(["s1"], recent.Masked());
        Assert.Equal(clock.GetUtcNow().AddMilliseconds(1), recent.MaskedUntil("s1"));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(recent.Masked());
        Assert.Equal(DateTimeOffset.MinValue, recent.MaskedUntil("s1"));
        Assert.Equal(DateTimeOffset.MinValue, recent.MaskedUntil("never-reported"));
    }

    [Fact]
    public void A_shorter_report_never_shortens_a_mask_in_force()
    {
        var clock = new ManualClock();
        var recent = new RecentRateLimits(clock);
        recent.Report("s1", TimeSpan.FromSeconds(4));
        clock.Advance(TimeSpan.FromSeconds(1));
        recent.Report("s1", TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["s1"], recent.Masked());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(recent.Masked());
    }
}
