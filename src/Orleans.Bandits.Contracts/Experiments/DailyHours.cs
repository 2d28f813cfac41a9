namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// The daily window a schedule serves in, in an IANA time zone: from <see cref="FromMinute"/> inclusive to
/// <see cref="ToMinute"/> exclusive, minutes after local midnight. A window whose end is earlier than its start
/// crosses midnight (22:00 to 06:00 serves nights).
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.DailyHours")]
public sealed record DailyHours(
    [property: Id(0)] int FromMinute,
    [property: Id(1)] int ToMinute,
    [property: Id(2)] string TimeZone)
{
    public const int MinutesPerDay = 24 * 60;
}
