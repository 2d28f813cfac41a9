namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>
/// How many requests a server accepts in any sliding one-second window: at most ⌊L(t)⌋ accepted
/// requests in the window ending at t, the rest answered 429. L is constant for tier T2; for T3,
/// L(t) = max(0, mean + amplitude · sin(2πt / period + phase)), t measured from the server's last reset.
/// </summary>
/// <param name="MeanPermitsPerSecond">L, or the centre of the sine.</param>
/// <param name="Amplitude">How far L swings around the mean (0 = a fixed limit).</param>
/// <param name="PeriodSeconds">Length of one sine cycle (ignored for a fixed limit).</param>
/// <param name="Phase">Where in its cycle the sine starts, in radians.</param>
public sealed record RateLimit(double MeanPermitsPerSecond, double Amplitude = 0, double PeriodSeconds = 0, double Phase = 0)
{
    /// <summary>The window the limit counts over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public bool Varies => Amplitude > 0;

    /// <summary>L(t): the allowance per window at <paramref name="sinceReset"/>.</summary>
    public double PermitsAt(TimeSpan sinceReset) => Varies
        ? Math.Max(0, MeanPermitsPerSecond + (Amplitude * Math.Sin((2 * Math.PI * sinceReset.TotalSeconds / PeriodSeconds) + Phase)))
        : MeanPermitsPerSecond;

    /// <summary>⌊L(t)⌋: how many requests the window ending at <paramref name="sinceReset"/> may hold.</summary>
    public int AllowanceAt(TimeSpan sinceReset) => (int)Math.Floor(PermitsAt(sinceReset));
}
