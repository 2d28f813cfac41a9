namespace Orleans.Bandits.Harness.Reporting;

/// <summary>A point of the live curve: after <see cref="Requests"/> requests, the success rate so far and the pseudo-regret so far.</summary>
public sealed record LivePoint(int Requests, double SuccessRate, double CumulativeRegret);
