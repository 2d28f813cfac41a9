using Microsoft.Extensions.Options;
using Orleans.Bandits.Client;
using Orleans.Bandits.LoadBalancer.Downstream;
using Orleans.Bandits.LoadBalancer.Hosting;

namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>
/// The attempt loop, the same for every strategy. Attempts 1–3 are free: the platform is asked with
/// the strategy's exploration, excluding every server already tried for this id, so no server is
/// tried twice among them. From attempt 4 each attempt costs a point: the platform is asked with the
/// strategy's penalized scale (0, greedy, for every bandit strategy), still excluding the servers
/// that already failed for this id. That exclusion is what the article's in-process strategies got
/// for free by updating their counts after every attempt; the platform learns in batches (a training
/// interval of 250–500 ms), so within one request its greedy answer cannot move, and without the
/// exclusion a greedy fourth attempt would meet the same failing or rate-limited server up to seven
/// times. Only once every server has been tried may a server be tried again. Every learning
/// strategy also excludes the servers that answered 429 within their Retry-After
/// (<see cref="RecentRateLimits"/>), because what the platform learns from a 429 (a failure or a
/// mask) reaches the replicas only at their next refresh, and the servers whose window already holds
/// the capacity their last 429 showed (<see cref="LearnedCapacities"/>), so the limit is met before
/// it costs an attempt. Every attempt with a token is reported as
/// feedback; all reports are accepted before the answer.
/// </summary>
public sealed partial class RequestRouter(
    IBanditsClient bandits,
    IDownstreamClient downstream,
    IOptions<LoadBalancerOptions> options,
    ILogger<RequestRouter> logger)
{
    /// <summary>Attempts that cost nothing; each later attempt is a penalty point.</summary>
    public const int PenaltyFreeAttempts = 3;

    private readonly LoadBalancerOptions _options = options.Value;

    public async Task<RoutingResult> RouteAsync(BalancedRoute route, string id, CancellationToken cancellationToken)
    {
        var tried = new List<string>(route.Servers.Count);
        var attempts = new List<AttemptRecord>();
        var reports = new List<Task>();
        var succeeded = false;
        try
        {
            for (var attempt = 1; attempt <= _options.MaxAttempts && !succeeded; attempt++)
            {
                var penaltyFree = attempt <= PenaltyFreeAttempts;
                IReadOnlyList<string> avoid = penaltyFree || tried.Count < route.Servers.Count ? tried : [];
                var exploration = route.Strategy.Exploration.For(attempt);
                var choice = await ChooseAsync(route, avoid, exploration, strict: penaltyFree);
                var response = await SendAsync(route, choice.Server, id, cancellationToken);

                if (choice.Token is { } token)
                {
                    reports.Add(ReportAsync(route, token, response.Outcome));
                }

                attempts.Add(new AttemptRecord(attempt, choice.Server, response.Status, response.Outcome, response.Latency.TotalMilliseconds, exploration, choice.Fallback));
                succeeded = response.Outcome == DownstreamOutcome.Success;
                if (!tried.Contains(choice.Server))
                {
                    tried.Add(choice.Server);
                }
            }
        }
        finally
        {
            // Never fire-and-forget: the answer goes out only once the platform accepted every report.
            await Task.WhenAll(reports);
        }

        return new RoutingResult(id, route.Name, succeeded, attempts);
    }

    /// <summary>
    /// Sends one attempt; for a strategy that remembers 429s, counts it in the server's window and
    /// learns from a 429 (the Retry-After, and the capacity the window held).
    /// </summary>
    private async Task<DownstreamResponse> SendAsync(BalancedRoute route, string server, string id, CancellationToken cancellationToken)
    {
        var url = route.Server(server).Url;
        if (!route.Strategy.RateLimits.Remembers)
        {
            return await downstream.SendAsync(url, id, cancellationToken);
        }

        var sending = route.Capacities.Sending(server);
        var rateLimited = false;
        try
        {
            var response = await downstream.SendAsync(url, id, cancellationToken);
            rateLimited = response.Outcome == DownstreamOutcome.RateLimited;
            return response;
        }
        finally
        {
            // An unanswered request stays in the window as accepted: whether the server counted it is unknown.
            route.Capacities.Complete(sending, rateLimited);
            if (rateLimited)
            {
                route.RateLimited.Report(server, route.Strategy.RateLimits.LocalRetryAfter);
            }
        }
    }

    /// <summary>
    /// Asks the platform, excluding <paramref name="avoid"/> and the servers masked here. When it has
    /// nothing to offer (every candidate masked or excluded), falls back to the candidate whose mask
    /// ends soonest; with <paramref name="strict"/> the candidates never include an avoided server, so
    /// the no-repeat rule of the free attempts holds.
    /// </summary>
    private async Task<ServerChoice> ChooseAsync(BalancedRoute route, IReadOnlyList<string> avoid, double exploration, bool strict)
    {
        var exclude = avoid.Union(route.RateLimited.Masked(), StringComparer.Ordinal).Union(route.Capacities.Full(), StringComparer.Ordinal).ToArray();
        try
        {
            var selection = await bandits.SelectAsync(_options.Tenant, route.Name, new SelectRequest(null, exclude.Length > 0 ? exclude : null, exploration));
            return new ServerChoice(selection.Arm, selection.Token, Fallback: false);
        }
        catch (BanditsException e) when (e.Kind == BanditsErrorKind.NoArmAvailable)
        {
            return await FallbackAsync(route, avoid, strict);
        }
    }

    private async Task<ServerChoice> FallbackAsync(BalancedRoute route, IReadOnlyList<string> avoid, bool strict)
    {
        var candidates = route.Servers.Select(s => s.Name).Where(name => !avoid.Contains(name)).ToList();
        if (candidates.Count == 0)
        {
            // Only reachable when a route has fewer servers than free attempts.
            candidates = route.Servers.Select(s => s.Name).ToList();
            if (strict)
            {
                LogEveryServerTried(logger, route.Name);
            }
        }

        var stats = await bandits.GetStatsAsync(_options.Tenant, route.Name);
        var platformMask = stats.Arms.ToDictionary(a => a.Id, a => a.BlockedUntil ?? DateTimeOffset.MinValue, StringComparer.Ordinal);
        var maskedUntil = candidates.ToDictionary(
            name => name,
            name => Max(Max(platformMask.GetValueOrDefault(name, DateTimeOffset.MinValue), route.RateLimited.MaskedUntil(name)), route.Capacities.FullUntil(name)),
            StringComparer.Ordinal);
        var soonest = maskedUntil.Values.Min();
        var ties = candidates.Where(name => maskedUntil[name] == soonest).ToList();
        return new ServerChoice(ties[System.Random.Shared.Next(ties.Count)], null, Fallback: true);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task ReportAsync(BalancedRoute route, string token, DownstreamOutcome outcome)
    {
        var strategy = route.Strategy;
        var feedback = outcome switch
        {
            DownstreamOutcome.Success => new FeedbackRequest(token, 1, Costs: strategy.CostsFor(failed: false)),
            DownstreamOutcome.RateLimited when strategy.RateLimits.Masks =>
                new FeedbackRequest(token, Unavailable: new Unavailability(strategy.RateLimits.RetryAfterMs, strategy.RateLimits.Backoff)),
            _ => new FeedbackRequest(token, 0, Costs: strategy.CostsFor(failed: true)),
        };

        try
        {
            await bandits.FeedbackAsync(_options.Tenant, feedback);
        }
        catch (Exception e) when (e is BanditsException or OrleansException or TimeoutException)
        {
            // The request itself was served; a lost report only means one event less to learn from.
            LogFeedbackFailed(logger, e, route.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback for route {Route} was not accepted")]
    private static partial void LogFeedbackFailed(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {Route} has fewer servers than free attempts; a server is tried twice")]
    private static partial void LogEveryServerTried(ILogger logger, string route);
}
