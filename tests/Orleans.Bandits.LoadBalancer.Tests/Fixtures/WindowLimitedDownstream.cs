using Orleans.Bandits.LoadBalancer.Downstream;

namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>
/// Servers that always succeed, some with a limit of accepted requests per sliding one-second window
/// as the flaky servers count it, on a clock the test moves: the limit is met exactly, never by racing.
/// A server is named by its url's host (<c>http://s0/</c>).
/// </summary>
public sealed class WindowLimitedDownstream(TimeProvider clock, IReadOnlyDictionary<string, int> limits) : IDownstreamClient
{
    private readonly Dictionary<string, Queue<long>> _accepted = [];

    public List<(string Server, DownstreamOutcome Outcome)> Sent { get; } = [];

    public Task<DownstreamResponse> SendAsync(Uri server, string id, CancellationToken cancellationToken)
    {
        var name = server.Host;
        var outcome = Accept(name) ? DownstreamOutcome.Success : DownstreamOutcome.RateLimited;
        Sent.Add((name, outcome));
        return Task.FromResult(new DownstreamResponse(outcome, outcome == DownstreamOutcome.Success ? 200 : 429, TimeSpan.Zero));
    }

    private bool Accept(string server)
    {
        if (!limits.TryGetValue(server, out var limit))
        {
            return true;
        }

        var now = clock.GetTimestamp();
        var window = _accepted.TryGetValue(server, out var queue) ? queue : _accepted[server] = new Queue<long>();
        while (window.Count > 0 && clock.GetElapsedTime(window.Peek(), now) >= TimeSpan.FromSeconds(1))
        {
            window.Dequeue();
        }

        if (window.Count >= limit)
        {
            return false;
        }

        window.Enqueue(now);
        return true;
    }
}
