namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>The three server configurations of the take-home, ten servers each.</summary>
public enum Tier
{
    /// <summary>A constant error rate.</summary>
    T1,

    /// <summary>A constant error rate plus a fixed rate limit.</summary>
    T2,

    /// <summary>A constant error rate plus a rate limit that rises and falls as a sine over time.</summary>
    T3,
}
