using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Servers;

/// <summary>
/// Rate limits, counted exactly on a manual clock: a request is refused if and only if the
/// one-second window ending at it already holds ⌊L(t)⌋ accepted requests.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public void A_fixed_limit_accepts_exactly_L_requests_per_second_under_steady_overload()
    {
        var clock = new ManualClock();
        var server = new FlakyServer(new ServerSpec("s", Tier.T2, 1, 1, new RateLimit(4), OutcomeSeed: 1), clock);
        var outcomes = new List<ServerOutcome>();
        for (var i = 0; i < 600; i++)
        {
            outcomes.Add(server.Handle());
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // Ten requests a second against a limit of four: the first four of every second pass.
        Assert.Equal(240, outcomes.Count(o => o != ServerOutcome.RateLimited));
        Assert.Equal(
            Enumerable.Repeat(new[] { true, true, true, true, false, false, false, false, false, false }, 60).SelectMany(x => x),
            outcomes.Select(o => o != ServerOutcome.RateLimited));
    }

    [Fact]
    public void Every_rate_limited_server_of_a_drawn_fleet_refuses_exactly_when_its_window_is_full()
    {
        var clock = new ManualClock();
        var options = new FleetOptions();
        var fleet = new FlakyFleet(options, FleetLayout.From(options), clock);
        var limited = fleet.Servers.Where(s => s.Spec.Limit is not null).ToList();
        Assert.Equal(20, limited.Count);
        var accepted = limited.ToDictionary(s => s.Spec.Name, _ => new Queue<TimeSpan>());
        var refusals = limited.ToDictionary(s => s.Spec.Name, _ => 0);

        // 40 s of demand at 25 requests per second per server: above every limit, and two or more sine periods.
        for (var step = 0; step < 1_000; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(40));
            var now = clock.Elapsed;
            foreach (var server in limited)
            {
                var window = accepted[server.Spec.Name];
                while (window.Count > 0 && now - window.Peek() >= RateLimit.Window)
                {
                    window.Dequeue();
                }

                var allowance = server.Spec.Limit!.AllowanceAt(now);
                var outcome = server.Handle();
                if (window.Count < allowance)
                {
                    Assert.NotEqual(ServerOutcome.RateLimited, outcome);
                    window.Enqueue(now);
                }
                else
                {
                    Assert.Equal(ServerOutcome.RateLimited, outcome);
                    refusals[server.Spec.Name]++;
                }
            }
        }

        // The demand is above every allowance, so every server refused something.
        Assert.All(refusals, r => Assert.True(r.Value > 0, $"{r.Key} never refused"));
        Assert.All(limited, s => Assert.Equal(refusals[s.Spec.Name], s.Counters.RateLimited));
    }

    [Fact]
    public void A_sine_limit_lets_more_through_at_its_crest_than_at_its_trough()
    {
        var clock = new ManualClock();
        var server = new FlakyServer(new ServerSpec("s", Tier.T3, 1, 1, new RateLimit(5, 4, PeriodSeconds: 20), OutcomeSeed: 1), clock);
        var perSecond = new int[40];
        for (var step = 0; step < 4_000; step++)
        {
            if (server.Handle() != ServerOutcome.RateLimited)
            {
                perSecond[(int)clock.Elapsed.TotalSeconds]++;
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // L(t) = 5 + 4 sin(2πt/20): about 9 around t = 5 s and 25 s, about 1 around t = 15 s and 35 s.
        Assert.InRange(perSecond[5], 8, 9);
        Assert.InRange(perSecond[15], 1, 2);
        Assert.InRange(perSecond[25], 8, 9);
        Assert.InRange(perSecond[35], 1, 2);
    }
}
