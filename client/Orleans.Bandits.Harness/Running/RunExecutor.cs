using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.Harness.Clients;
using Orleans.Bandits.Harness.Reporting;
using Orleans.Bandits.Harness.Scoring;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.Harness.Running;

/// <summary>
/// One run: reset the tier's servers, give the load balancer a fresh route (a fresh experiment),
/// send the requests one after another at the set rate, as the original harness did, and score them.
/// </summary>
public sealed class RunExecutor(StudyPlan plan, LoadBalancerClient loadBalancer, AttemptLog attempts, LiveBoard board, IStudyProgress progress, TimeProvider clock)
{
    public async Task<RunResult> RunAsync(RunKey key, FleetControlClient fleet, FleetView view, CancellationToken cancellationToken)
    {
        var servers = view.Servers.Where(s => s.Tier == key.Tier).ToList();
        var route = $"{key.Strategy}-{key.Tier}-s{key.Seed}-{plan.Session}".ToLowerInvariant();
        await fleet.ResetAsync(key.Tier, cancellationToken);
        await loadBalancer.RegisterAsync(route, key.Strategy, key.Tier.ToString(), [.. servers.Select(s => new RouteServer(s.Name, new Uri(s.Url)))], cancellationToken);

        progress.RunStarted(key);
        var live = board.Start(key, servers);
        var tallies = new List<RequestTally>(plan.Requests);

        // The same ids for every strategy of a tier and seed: nothing but the strategy differs between them.
        var ids = new Random(HashCode.Combine(key.Seed, (int)key.Tier, 0x1d5));
        var interval = plan.Rate > 0 ? TimeSpan.FromSeconds(1 / plan.Rate) : TimeSpan.Zero;
        var started = clock.GetTimestamp();
        var next = started;
        try
        {
            for (var request = 1; request <= plan.Requests; request++)
            {
                await WaitUntilAsync(next, cancellationToken);
                var sent = await loadBalancer.SendAsync(route, RequestId.New(ids), cancellationToken);
                attempts.Write(key, request, sent.Result, clock.GetUtcNow());
                live.Record(sent.Result);
                tallies.Add(new RequestTally(sent.Result.Attempts.Count, sent.Result.Succeeded, sent.LatencyMs));
                progress.RequestCompleted(key);

                // Paced from a schedule, not from the last answer, so the rate holds on average; a run
                // that fell behind restarts the schedule instead of bursting to catch up, which would
                // hit the rate limits harder than the set rate does.
                var now = clock.GetTimestamp();
                next = Math.Max(next + (long)(interval.TotalSeconds * clock.TimestampFrequency), now);
            }
        }
        finally
        {
            board.Finish(live);
        }

        var elapsed = clock.GetElapsedTime(started).TotalSeconds;
        attempts.Flush();
        await loadBalancer.RemoveAsync(route, cancellationToken);
        var result = new RunResult(key, RunScore.Of(tallies), elapsed > 0 ? plan.Requests / elapsed : 0, live.CumulativeRegret);
        progress.RunFinished(result);
        return result;
    }

    private async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = clock.GetElapsedTime(clock.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
