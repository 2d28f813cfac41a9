using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Bandits.LoadBalancer.Hosting;
using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Routing;

/// <summary>
/// Once a 429 has shown a server's capacity, every learning strategy stops sending it requests while
/// its window is full, so the limit no longer costs an attempt; the random baseline keeps no memory.
/// The platform here always offers s0 (limit 2 per second) first and s1 (no limit) next.
/// </summary>
public sealed class CapacityRoutingTests
{
    private static readonly IOptions<LoadBalancerOptions> Options = Microsoft.Extensions.Options.Options.Create(new LoadBalancerOptions());

    public static TheoryData<string> LearningStrategies() => [.. StrategyCatalogue.All.Where(s => s != StrategyCatalogue.Random).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(LearningStrategies))]
    public async Task After_one_429_a_full_server_is_skipped_until_its_window_has_room(string name)
    {
        var (clock, downstream, route, router) = Setup(StrategyCatalogue.Find(name)!);

        // The first window teaches the capacity: two accepted, the third a 429.
        await RouteAsync(router, route, 3);
        Assert.Equal(DownstreamOutcome.RateLimited, downstream.Sent[2].Outcome);

        // Every later window: s0 takes its two, the rest go straight to s1, and no request meets a 429.
        for (var window = 0; window < 3; window++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1_100));
            downstream.Sent.Clear();
            await RouteAsync(router, route, 5);
            Assert.Equal(["s0", "s0", "s1", "s1", "s1"], downstream.Sent.Select(s => s.Server));
            Assert.DoesNotContain(downstream.Sent, s => s.Outcome == DownstreamOutcome.RateLimited);
        }
    }

    [Theory]
    [MemberData(nameof(LearningStrategies))]
    public async Task A_forgotten_capacity_costs_one_429_to_learn_again(string name)
    {
        var (clock, downstream, route, router) = Setup(StrategyCatalogue.Find(name)!);
        await RouteAsync(router, route, 3);

        clock.Advance(TimeSpan.FromMilliseconds(RateLimitHandling.CapacityMemoryMs));
        downstream.Sent.Clear();
        await RouteAsync(router, route, 5);
        Assert.Equal(
            [("s0", DownstreamOutcome.Success), ("s0", DownstreamOutcome.Success), ("s0", DownstreamOutcome.RateLimited), ("s1", DownstreamOutcome.Success), ("s1", DownstreamOutcome.Success), ("s1", DownstreamOutcome.Success)],
            downstream.Sent);
    }

    [Fact]
    public async Task The_random_baseline_learns_no_capacity()
    {
        var (clock, downstream, route, router) = Setup(StrategyCatalogue.Random);
        await RouteAsync(router, route, 3);

        clock.Advance(TimeSpan.FromMilliseconds(1_100));
        downstream.Sent.Clear();
        await RouteAsync(router, route, 5);
        Assert.Equal(3, downstream.Sent.Count(s => s.Outcome == DownstreamOutcome.RateLimited));
    }

    private static (ManualClock Clock, WindowLimitedDownstream Downstream, BalancedRoute Route, RequestRouter Router) Setup(Strategy strategy)
    {
        var clock = new ManualClock();
        var downstream = new WindowLimitedDownstream(clock, new Dictionary<string, int> { ["s0"] = 2 });
        var route = new BalancedRoute($"capacity-{strategy.Name}", strategy, "T2", [new RouteServer("s0", new Uri("http://s0/")), new RouteServer("s1", new Uri("http://s1/"))], clock);
        var router = new RequestRouter(new FirstFreeArmPlatform("s0", "s1"), downstream, Options, NullLogger<RequestRouter>.Instance);
        return (clock, downstream, route, router);
    }

    private static async Task RouteAsync(RequestRouter router, BalancedRoute route, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            var result = await router.RouteAsync(route, $"request{i:D17}", CancellationToken.None);
            Assert.True(result.Succeeded);
        }
    }
}
