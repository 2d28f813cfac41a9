using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Routing;

/// <summary>The load balancer never tries a server twice among the free attempts of one id, whatever the strategy.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NoRepeatTests(ClusterFixture cluster)
{
    private static readonly HashSet<string> FailingServers = ["s0", "s1", "s2", "s3", "s4"];

    public static TheoryData<string> Strategies() => [.. StrategyCatalogue.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task No_server_is_tried_twice_in_the_first_three_attempts_for_one_id(string name)
    {
        // Five servers that always fail and five that always answer 429: every request uses all ten
        // attempts, masking strategies run out of unmasked servers and fall back, and still no repeat.
        var (host, servers) = await TestFleet.StartAsync(
            [.. Enumerable.Range(0, 10).Select(i => (0.0, i < 5 ? null : new RateLimit(0)))]);
        await using var _ = host;
        var strategy = StrategyCatalogue.Find(name)!;
        var route = await cluster.Routes().RegisterAsync(ClusterFixture.NewRoute($"norepeat-{name}"), strategy, "T1", servers);
        var router = cluster.Router();
        var ids = new Random(5);

        for (var request = 0; request < 15; request++)
        {
            var result = await router.RouteAsync(route, FlakyServers.Contracts.RequestId.New(ids), CancellationToken.None);
            Assert.False(result.Succeeded);
            Assert.Equal(cluster.Options.Value.MaxAttempts, result.Attempts.Count);
            var firstThree = result.Attempts.Take(3).Select(a => a.Server).ToList();
            Assert.Equal(3, firstThree.Distinct().Count());

            // Later attempts avoid servers that already failed too, so ten attempts meet ten servers.
            Assert.Equal(10, result.Attempts.Select(a => a.Server).Distinct().Count());
            Assert.All(result.Attempts, a => Assert.Equal(FailingServers.Contains(a.Server) ? DownstreamOutcome.Failure : DownstreamOutcome.RateLimited, a.Outcome));
        }
    }
}
