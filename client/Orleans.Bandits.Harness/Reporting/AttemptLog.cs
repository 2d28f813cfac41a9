using Orleans.Bandits.Harness.Running;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>
/// <c>attempts.csv</c>: one row per attempt, as the original harness logged them, plus the run's
/// tier and seed, the exploration asked for and whether the platform had no server to offer.
/// Runs write side by side; rows of one request stay together.
/// </summary>
public sealed class AttemptLog : IDisposable
{
    public const string Header = "session,strategy,tier,seed,request,requestId,attempt,server,status,outcome,latencyMs,exploration,fallback,requestComplete,requestSucceeded,timestamp";

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly string _session;

    public AttemptLog(string path, string session)
    {
        _session = session;
        _writer = new StreamWriter(path, append: false);
        _writer.WriteLine(Header);
    }

    /// <param name="request">1-based request number within the run.</param>
    /// <param name="completedAt">When the load balancer's answer arrived.</param>
    public void Write(RunKey key, int request, RoutingResult result, DateTimeOffset completedAt)
    {
        lock (_gate)
        {
            foreach (var attempt in result.Attempts)
            {
                var last = attempt.Attempt == result.Attempts.Count;
                _writer.WriteLine(Csv.Row(
                    _session, key.Strategy, key.Tier, key.Seed, request, result.Id, attempt.Attempt, attempt.Server, attempt.Status,
                    attempt.Outcome, attempt.LatencyMs, attempt.Exploration, attempt.Fallback, last, last && result.Succeeded,
                    completedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
