using System.Collections.Concurrent;

namespace Orleans.Bandits.Grains.Selection.Gates;

/// <summary>
/// Whether a schedule serves at an instant: from its start (inclusive) to its end (exclusive), and within its daily
/// hours in their time zone, from (inclusive) to (exclusive), local wall-clock time. A window whose end is before its
/// start crosses midnight. Wall-clock time follows daylight saving: 08:00-20:00 in Europe/Berlin is 07:00-19:00 UTC in
/// winter and 06:00-18:00 in summer, and on the spring-forward day a window inside the skipped hour never opens.
/// </summary>
public static class ScheduleGate
{
    // Validated ids only reach here, so this holds at most the few hundred zones there are. The runtime's own lookup
    // takes a lock on every call, which every select would contend for.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static bool IsOpen(ServingSchedule? schedule, DateTimeOffset now)
    {
        if (schedule is null)
        {
            return true;
        }

        if ((schedule.Start is { } start && now < start) || (schedule.End is { } end && now >= end))
        {
            return false;
        }

        return schedule.Hours is not { } hours || WithinHours(hours, now);
    }

    private static bool WithinHours(DailyHours hours, DateTimeOffset now)
    {
        var zone = Zones.GetOrAdd(hours.TimeZone, TimeZoneInfo.FindSystemTimeZoneById);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = local.TimeOfDay.TotalMinutes;
        return hours.FromMinute <= hours.ToMinute
            ? minute >= hours.FromMinute && minute < hours.ToMinute
            : minute >= hours.FromMinute || minute < hours.ToMinute;
    }
}
