using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.LoadBalancer.Tests.Fixtures;

namespace Orleans.Bandits.LoadBalancer.Tests.Routing;

/// <summary>
/// Every learning strategy keeps a server that answered 429 out of its later choices at once,
/// without waiting for the platform to learn the failure or the mask; the random baseline does not.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LocalMaskTests(ClusterFixture cluster)
{
    public static TheoryData<string> LearningStrategies() => [.. StrategyCatalogue.All.Where(s => s != StrategyCatalogue.Random).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(LearningStrategies))]
    public async Task After_a_429_every_later_select_of_a_learning_strategy_excludes_the_server(string name)
    {
        // A Retry-After of ten minutes, so a slow machine never sees the memory run out within the request.
        var strategy = StrategyCatalogue.Find(name)!;
        var (attempts, selects) = await RouteOnceAsync(strategy with { RateLimits = strategy.RateLimits with { RetryAfterMs = 600_000 } });

        // Attempts 4–10 no longer avoid the servers already tried (all three were), so only the
        // load balancer's own memory of the 429 can be what keeps s0 out of them.
        var limited = attempts.Single(a => a.Server == "s0").Attempt;
        Assert.True(limited <= 3);
        Assert.All(selects.Skip(limited), request => Assert.Contains("s0", request?.Exclude ?? []));
        Assert.All(selects.Skip(3), request => Assert.Equal(["s0"], request?.Exclude ?? []));
    }

    [Fact]
    public async Task The_random_baseline_keeps_no_memory_of_a_429()
    {
        var (attempts, selects) = await RouteOnceAsync(StrategyCatalogue.Random);

        Assert.Contains(attempts, a => a.Server == "s0" && a.Outcome == DownstreamOutcome.RateLimited);
        Assert.All(selects.Skip(3), request => Assert.Null(request?.Exclude));
    }

    /// <summary>One id over s0 (always 429) and s1, s2 (always 500): ten attempts, one select each.</summary>
    private async Task<(IReadOnlyList<AttemptRecord> Attempts, IReadOnlyList<SelectRequest?> Selects)> RouteOnceAsync(Strategy strategy)
    {
        var (host, servers) = await TestFleet.StartAsync((1.0, new RateLimit(0)), (0.0, null), (0.0, null));
        await using var _ = host;
        var recording = new RecordingBanditsClient(cluster.Client);
        var route = await new RouteTable(recording, cluster.Options).RegisterAsync(ClusterFixture.NewRoute($"localmask-{strategy.Name}"), strategy, "T2", servers);
        var router = new RequestRouter(recording, new HttpDownstreamClient(new HttpClient()), cluster.Options, NullLogger<RequestRouter>.Instance);

        var result = await router.RouteAsync(route, RequestId.New(new Random(3)), CancellationToken.None);
        Assert.Equal(cluster.Options.Value.MaxAttempts, result.Attempts.Count);
        Assert.DoesNotContain(result.Attempts, a => a.Fallback);
        return (result.Attempts, [.. recording.Selects]);
    }
}
