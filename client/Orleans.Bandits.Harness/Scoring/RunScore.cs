namespace Orleans.Bandits.Harness.Scoring;

/// <summary>
/// One run scored as the take-home: +1 for every request that succeeded within its attempts, −1 for
/// every attempt beyond the third (whether the request then succeeded or not).
/// </summary>
/// <param name="Requests">Requests sent.</param>
/// <param name="Successes">Requests that succeeded on some attempt.</param>
/// <param name="Score">Successes − Penalties.</param>
/// <param name="Attempts">Attempts over all requests.</param>
/// <param name="Retries">Attempts after a request's first: Attempts − Requests.</param>
/// <param name="Penalties">Σ max(0, attempts − 3) over requests.</param>
/// <param name="LatencyP50Ms">Median request latency seen by the caller.</param>
/// <param name="LatencyP99Ms">99th-percentile request latency.</param>
public sealed record RunScore(int Requests, int Successes, int Score, int Attempts, int Retries, int Penalties, double LatencyP50Ms, double LatencyP99Ms)
{
    /// <summary>Attempts that cost nothing.</summary>
    public const int FreeAttempts = 3;

    public double SuccessRate => Requests == 0 ? 0 : (double)Successes / Requests;

    public static int PenaltyFor(int attempts) => Math.Max(0, attempts - FreeAttempts);

    public static RunScore Of(IReadOnlyList<RequestTally> requests)
    {
        var successes = requests.Count(r => r.Succeeded);
        var attempts = requests.Sum(r => r.Attempts);
        var penalties = requests.Sum(r => PenaltyFor(r.Attempts));
        var latencies = requests.Select(r => r.LatencyMs).ToList();
        return new RunScore(
            requests.Count,
            successes,
            successes - penalties,
            attempts,
            attempts - requests.Count,
            penalties,
            Percentile.Of(latencies, 0.50),
            Percentile.Of(latencies, 0.99));
    }
}
