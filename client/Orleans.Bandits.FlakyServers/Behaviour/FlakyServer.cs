using Orleans.Bandits.FlakyServers.Fleet;

namespace Orleans.Bandits.FlakyServers.Behaviour;

/// <summary>
/// One server's behaviour. The rate limit is checked first: a request over the allowance is answered
/// 429 and draws nothing. An accepted request draws its outcome from the server's own seeded
/// sequence, so after a reset the n-th accepted request gets the same outcome whichever load
/// balancer sends it; strategies are compared on common random numbers.
/// </summary>
public sealed class FlakyServer
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Queue<long> _accepted = new();
    private Random _outcomes;
    private long _origin;
    private long _requests;
    private long _successes;
    private long _failures;
    private long _rateLimited;

    public FlakyServer(ServerSpec spec, TimeProvider clock)
    {
        Spec = spec;
        _clock = clock;
        _outcomes = new Random(spec.OutcomeSeed);
        _origin = clock.GetTimestamp();
    }

    public ServerSpec Spec { get; }

    public ServerOutcome Handle()
    {
        lock (_gate)
        {
            _requests++;
            var now = _clock.GetTimestamp();
            if (Spec.Limit is { } limit)
            {
                while (_accepted.Count > 0 && _clock.GetElapsedTime(_accepted.Peek(), now) >= RateLimit.Window)
                {
                    _accepted.Dequeue();
                }

                if (_accepted.Count >= limit.AllowanceAt(_clock.GetElapsedTime(_origin, now)))
                {
                    _rateLimited++;
                    return ServerOutcome.RateLimited;
                }

                _accepted.Enqueue(now);
            }

            if (_outcomes.NextDouble() < Spec.SuccessRate)
            {
                _successes++;
                return ServerOutcome.Success;
            }

            _failures++;
            return ServerOutcome.Failure;
        }
    }

    /// <summary>Starts over: the outcome sequence from its seed, an empty window, the sine at its phase, zero counters.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _outcomes = new Random(Spec.OutcomeSeed);
            _accepted.Clear();
            _origin = _clock.GetTimestamp();
            _requests = _successes = _failures = _rateLimited = 0;
        }
    }

    public ServerCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new ServerCounters(_requests, _successes, _failures, _rateLimited);
            }
        }
    }
}
