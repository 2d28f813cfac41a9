namespace Orleans.Bandits.FlakyServers.Contracts;

/// <summary>A server's rate limit as the control endpoint shows it (see <see cref="Fleet.RateLimit"/>).</summary>
public sealed record RateLimitView(double MeanPermitsPerSecond, double Amplitude, double PeriodSeconds, double Phase);
