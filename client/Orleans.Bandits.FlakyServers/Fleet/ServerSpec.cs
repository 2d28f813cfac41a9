namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>One flaky server: where it listens and how it misbehaves.</summary>
/// <param name="Name">Stable name, also the arm id on the platform (e.g. <c>t2-s4</c>).</param>
/// <param name="Tier">Its configuration tier.</param>
/// <param name="Port">The 127.0.0.1 port it answers on.</param>
/// <param name="SuccessRate">Probability that an accepted request answers 200 (otherwise 500).</param>
/// <param name="Limit">Its rate limit, or <c>null</c> for tier T1.</param>
/// <param name="OutcomeSeed">Seeds the server's own outcome sequence, so the n-th accepted request's outcome is fixed.</param>
public sealed record ServerSpec(string Name, Tier Tier, int Port, double SuccessRate, RateLimit? Limit, int OutcomeSeed);
