namespace Orleans.Bandits.Policies.Tests.Blocking;

public sealed class ArmBlockTests
{
    [Fact]
    public void A_report_masks_the_arm_until_retry_after_has_passed()
    {
        var block = default(ArmBlock).Report(nowUnixMs: 10_000, retryAfterMs: 1_000, backoff: false);
        Assert.True(block.IsBlocked(10_999));
        Assert.False(block.IsBlocked(11_000));
    }

    [Fact]
    public void Backoff_doubles_per_consecutive_report_up_to_the_cap()
    {
        var block = default(ArmBlock);
        var durations = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            var now = 1_000_000L * (i + 1);
            block = block.Report(now, 1_000, backoff: true, cap: TimeSpan.FromSeconds(20));
            durations.Add(block.BlockedUntilUnixMs - now);
        }

        Assert.Equal([1_000L, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000, 20_000], durations);
    }

    [Fact]
    public void A_reward_resets_the_backoff_but_keeps_the_block_in_force()
    {
        var block = default(ArmBlock).Report(0, 1_000, true).Report(1_000, 1_000, true).RewardObserved();
        Assert.Equal(3_000, block.BlockedUntilUnixMs);
        var next = block.Report(10_000, 1_000, true);
        Assert.Equal(11_000, next.BlockedUntilUnixMs);
    }

    [Fact]
    public void Reports_while_the_block_is_in_force_do_not_double_it()
    {
        var block = default(ArmBlock).Report(0, 1_000, true).Report(10, 1_000, true).Report(500, 1_000, true);
        Assert.Equal(1, block.ConsecutiveReports);
        Assert.Equal(1_500, block.BlockedUntilUnixMs);
        var next = block.Report(1_500, 1_000, true);
        Assert.Equal(2, next.ConsecutiveReports);
        Assert.Equal(3_500, next.BlockedUntilUnixMs);
    }

    [Fact]
    public void A_short_report_never_shortens_a_longer_block()
    {
        var block = default(ArmBlock).Report(0, 60_000, false).Report(1_000, 10, false);
        Assert.Equal(60_000, block.BlockedUntilUnixMs);
    }

    [Fact]
    public void Negative_retry_after_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => default(ArmBlock).Report(0, -1, false));
    }
}
