namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>
/// Where the fleet listens and the ranges its servers' parameters are drawn from (section <c>Fleet</c>).
/// The defaults follow the take-home's observed behaviour: per tier one or two good servers near 0.9,
/// the rest between 0.35 and 0.77.
/// </summary>
public sealed class FleetOptions
{
    public const string Section = "Fleet";

    /// <summary>Seeds every drawn parameter; the same seed gives the same fleet.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>First server port: T1 takes the first <see cref="ServersPerTier"/> ports, then T2, then T3. 0 picks free ports.</summary>
    public int BasePort { get; set; } = 7100;

    /// <summary>Port of the control endpoints (<c>GET /servers</c>, <c>POST /reseed</c>, <c>POST /reset</c>). 0 picks a free port.</summary>
    public int ControlPort { get; set; } = 7099;

    public int ServersPerTier { get; set; } = 10;

    public double GoodRateMin { get; set; } = 0.87;

    public double GoodRateMax { get; set; } = 0.93;

    public double OtherRateMin { get; set; } = 0.35;

    public double OtherRateMax { get; set; } = 0.77;

    /// <summary>Smallest T2 limit, requests per second (whole numbers are drawn).</summary>
    public int FixedLimitMin { get; set; } = 2;

    /// <summary>Largest T2 limit, requests per second.</summary>
    public int FixedLimitMax { get; set; } = 6;

    /// <summary>Smallest mean of a T3 limit, requests per second.</summary>
    public int VaryingLimitMin { get; set; } = 2;

    /// <summary>Largest mean of a T3 limit, requests per second.</summary>
    public int VaryingLimitMax { get; set; } = 6;

    /// <summary>A T3 limit swings by this fraction of its mean either way.</summary>
    public double VaryingAmplitude { get; set; } = 0.75;

    public double PeriodMinSeconds { get; set; } = 8;

    public double PeriodMaxSeconds { get; set; } = 20;

    /// <summary>Checks the ranges; the message names the setting.</summary>
    public void Validate()
    {
        Require(ServersPerTier >= 1, nameof(ServersPerTier), "must be at least 1");
        Require(BasePort is 0 or (>= 1 and <= 65535 - 30), nameof(BasePort), "must be 0 (free ports) or a port with room for every server after it");
        Require(ControlPort is >= 0 and <= 65535, nameof(ControlPort), "must be 0 (a free port) or a port");
        Require(0 <= GoodRateMin && GoodRateMin <= GoodRateMax && GoodRateMax <= 1, nameof(GoodRateMin), "needs 0 <= GoodRateMin <= GoodRateMax <= 1");
        Require(0 <= OtherRateMin && OtherRateMin <= OtherRateMax && OtherRateMax <= 1, nameof(OtherRateMin), "needs 0 <= OtherRateMin <= OtherRateMax <= 1");
        Require(0 <= FixedLimitMin && FixedLimitMin <= FixedLimitMax, nameof(FixedLimitMin), "needs 0 <= FixedLimitMin <= FixedLimitMax");
        Require(0 <= VaryingLimitMin && VaryingLimitMin <= VaryingLimitMax, nameof(VaryingLimitMin), "needs 0 <= VaryingLimitMin <= VaryingLimitMax");
        Require(VaryingAmplitude is >= 0 and <= 1, nameof(VaryingAmplitude), "must be between 0 and 1");
        Require(0 < PeriodMinSeconds && PeriodMinSeconds <= PeriodMaxSeconds, nameof(PeriodMinSeconds), "needs 0 < PeriodMinSeconds <= PeriodMaxSeconds");
    }

    private static void Require(bool condition, string setting, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{Section}:{setting} {message}.", setting);
        }
    }
}
