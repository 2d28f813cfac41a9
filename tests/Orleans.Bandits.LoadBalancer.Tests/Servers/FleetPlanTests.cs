namespace Orleans.Bandits.LoadBalancer.Tests.Servers;

/// <summary>Fleets drawn from a seed have the shape the take-home's servers showed.</summary>
public sealed class FleetPlanTests
{
    private static readonly FleetOptions Options = new();

    private static IReadOnlyList<ServerSpec> Draw(int seed) => FleetPlan.Draw(Options, seed, FleetLayout.From(Options));

    [Fact]
    public void Every_tier_has_one_or_two_good_servers_near_0_9_and_the_rest_between_0_35_and_0_77()
    {
        var goodCounts = new HashSet<int>();
        for (var seed = 1; seed <= 50; seed++)
        {
            foreach (var tier in Draw(seed).GroupBy(s => s.Tier))
            {
                Assert.Equal(10, tier.Count());
                var good = tier.Count(s => s.SuccessRate is >= 0.87 and <= 0.93);
                Assert.InRange(good, 1, 2);
                Assert.All(tier.Where(s => s.SuccessRate < 0.87), s => Assert.InRange(s.SuccessRate, 0.35, 0.77));
                goodCounts.Add(good);
            }
        }

        // Both shapes occur: the draw is not stuck on one good server.
        Assert.Equal([1, 2], goodCounts.Order());
    }

    [Fact]
    public void Tiers_differ_only_in_their_rate_limits()
    {
        var fleet = Draw(3);
        Assert.All(fleet.Where(s => s.Tier == Tier.T1), s => Assert.Null(s.Limit));
        Assert.All(fleet.Where(s => s.Tier == Tier.T2), s =>
        {
            Assert.False(s.Limit!.Varies);
            Assert.InRange(s.Limit.MeanPermitsPerSecond, Options.FixedLimitMin, Options.FixedLimitMax);
        });
        Assert.All(fleet.Where(s => s.Tier == Tier.T3), s =>
        {
            Assert.True(s.Limit!.Varies);
            Assert.InRange(s.Limit.MeanPermitsPerSecond, Options.VaryingLimitMin, Options.VaryingLimitMax);
            Assert.Equal(Options.VaryingAmplitude * s.Limit.MeanPermitsPerSecond, s.Limit.Amplitude, 9);
            Assert.InRange(s.Limit.PeriodSeconds, Options.PeriodMinSeconds, Options.PeriodMaxSeconds);
        });
    }

    [Fact]
    public void The_same_seed_draws_the_same_fleet_on_consecutive_ports_and_another_seed_a_different_one()
    {
        Assert.Equal(Draw(5), Draw(5));
        Assert.NotEqual(Draw(5).Select(s => s.SuccessRate), Draw(6).Select(s => s.SuccessRate));
        Assert.Equal(Enumerable.Range(Options.BasePort, 30), Draw(5).Select(s => s.Port));
        Assert.Equal(["t1-s0", "t2-s0", "t3-s9"], new[] { Draw(5)[0].Name, Draw(5)[10].Name, Draw(5)[29].Name });
    }

    [Fact]
    public void The_sine_limit_peaks_a_quarter_period_after_a_zero_phase_and_never_goes_below_zero()
    {
        var limit = new RateLimit(4, 3, PeriodSeconds: 12);
        Assert.Equal(4, limit.PermitsAt(TimeSpan.Zero), 9);
        Assert.Equal(7, limit.PermitsAt(TimeSpan.FromSeconds(3)), 9);
        Assert.Equal(1, limit.PermitsAt(TimeSpan.FromSeconds(9)), 9);
        Assert.Equal(0, new RateLimit(1, 3, PeriodSeconds: 12).PermitsAt(TimeSpan.FromSeconds(9)));
        Assert.Equal(5, new RateLimit(5).AllowanceAt(TimeSpan.FromSeconds(100)));
    }
}
