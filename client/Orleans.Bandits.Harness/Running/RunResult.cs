using Orleans.Bandits.Harness.Scoring;

namespace Orleans.Bandits.Harness.Running;

/// <summary>A finished run: its score, the request rate it achieved and its pseudo-regret.</summary>
/// <param name="AchievedRps">Requests per second actually sent (below the set rate when the stack could not keep up).</param>
/// <param name="CumulativeRegret">Σ over requests of (best server's success probability − the first-attempt server's).</param>
public sealed record RunResult(RunKey Key, RunScore Score, double AchievedRps, double CumulativeRegret);
