using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Servers;

/// <summary>
/// Every server of a drawn fleet answers 200 at its configured rate. With n accepted requests the
/// number of 200s is Binomial(n, p), so |p̂ − p| ≤ 4·√(p(1 − p)/n) holds with probability
/// 1 − 6.3·10⁻⁵ per server (at least 1 − 1.9·10⁻³ for all 30 together); the fixed seed makes the
/// outcome reproducible.
/// </summary>
public sealed class ErrorRateTests
{
    private const int Requests = 4_000;
    private const double Z = 4;

    [Fact]
    public void Each_server_of_a_drawn_fleet_succeeds_at_its_configured_rate_among_the_requests_it_accepts()
    {
        var clock = new ManualClock();
        var options = new FleetOptions();
        var fleet = new FlakyFleet(options, FleetLayout.From(options), clock);
        foreach (var server in fleet.Servers)
        {
            var successes = 0;
            var accepted = 0;
            for (var i = 0; i < Requests; i++)
            {
                // Requests a second apart leave every window empty, so only a sine at its trough refuses.
                clock.Advance(TimeSpan.FromSeconds(1));
                switch (server.Handle())
                {
                    case ServerOutcome.Success:
                        successes++;
                        accepted++;
                        break;
                    case ServerOutcome.Failure:
                        accepted++;
                        break;
                }
            }

            var p = server.Spec.SuccessRate;
            Assert.True(accepted >= Requests / 2, $"{server.Spec.Name} accepted only {accepted} of {Requests}");
            var tolerance = Z * Math.Sqrt(p * (1 - p) / accepted);
            Assert.True(Math.Abs(((double)successes / accepted) - p) <= tolerance, $"{server.Spec.Name}: {successes}/{accepted} vs p = {p} ± {tolerance:0.0000}");
        }
    }

    [Fact]
    public void After_a_reset_a_server_replays_the_same_outcomes()
    {
        var server = new FlakyServer(new ServerSpec("s", Tier.T1, 1, 0.5, null, OutcomeSeed: 42), new ManualClock());
        var first = Enumerable.Range(0, 200).Select(_ => server.Handle()).ToList();
        server.Reset();
        Assert.Equal(first, Enumerable.Range(0, 200).Select(_ => server.Handle()));
        Assert.Equal(new ServerCounters(200, first.Count(o => o == ServerOutcome.Success), first.Count(o => o == ServerOutcome.Failure), 0), server.Counters);
    }
}
