using Orleans.Bandits.FlakyServers.Contracts;
using Orleans.Bandits.Harness.Running;
using Orleans.Bandits.LoadBalancer.Downstream;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>
/// A run as it happens: the success rate and pseudo-regret curve, and 429s per server. Pseudo-regret
/// of a request is the best server's configured success probability minus that of the server its
/// first attempt went to; it ignores rate limits, so on T2/T3 it measures only which servers a
/// strategy prefers, not how well it dodges 429s.
/// </summary>
public sealed class LiveRun
{
    /// <summary>A curve point every this many requests (and one at the end).</summary>
    public const int PointEvery = 10;

    private readonly Lock _gate = new();
    private readonly IReadOnlyList<ServerView> _servers;
    private readonly Dictionary<string, double> _successRates;
    private readonly Dictionary<string, int> _rateLimited;
    private readonly double _best;
    private readonly List<LivePoint> _points = [];
    private int _requests;
    private int _successes;
    private double _regret;

    public LiveRun(RunKey key, IReadOnlyList<ServerView> tierServers)
    {
        Key = key;
        _servers = tierServers;
        _successRates = tierServers.ToDictionary(s => s.Name, s => s.SuccessRate, StringComparer.Ordinal);
        _rateLimited = tierServers.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
        _best = tierServers.Max(s => s.SuccessRate);
    }

    public RunKey Key { get; }

    public double CumulativeRegret
    {
        get
        {
            lock (_gate)
            {
                return _regret;
            }
        }
    }

    public void Record(RoutingResult result)
    {
        lock (_gate)
        {
            _requests++;
            _successes += result.Succeeded ? 1 : 0;
            if (result.Attempts.Count > 0)
            {
                _regret += _best - _successRates.GetValueOrDefault(result.Attempts[0].Server, 0);
            }

            foreach (var attempt in result.Attempts.Where(a => a.Outcome == DownstreamOutcome.RateLimited))
            {
                _rateLimited[attempt.Server] = _rateLimited.GetValueOrDefault(attempt.Server) + 1;
            }

            if (_requests % PointEvery == 0)
            {
                AddPoint();
            }
        }
    }

    /// <summary>Closes the curve with a point at the last request.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_requests % PointEvery != 0)
            {
                AddPoint();
            }
        }
    }

    public LiveSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return new LiveSnapshot(
                Key.Strategy,
                Key.Tier.ToString(),
                Key.Seed,
                now,
                [.. _points],
                [.. _servers.Select(s => new LiveServer(s.Name, s.Tier.ToString(), s.SuccessRate, _rateLimited[s.Name]))]);
        }
    }

    private void AddPoint() => _points.Add(new LivePoint(_requests, (double)_successes / _requests, Math.Round(_regret, 4)));
}
