using Microsoft.Extensions.Time.Testing;
using Orleans.Bandits.Grains.Selection.Gates;

namespace Orleans.Bandits.Cluster.Tests.Selection;

/// <summary>Start inclusive, end exclusive, daily hours in a time zone with daylight saving, and windows that cross midnight.</summary>
public sealed class ScheduleGateTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static bool OpenAt(ServingSchedule schedule, string utc) => ScheduleGate.IsOpen(schedule, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Start_is_inclusive_and_end_exclusive()
    {
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2026, 6, 8, 0, 0, 0, TimeSpan.Zero);
        var schedule = new ServingSchedule(start, end);
        var clock = new FakeTimeProvider(start - Tick);
        Assert.False(ScheduleGate.IsOpen(schedule, clock.GetUtcNow()));
        clock.Advance(Tick);
        Assert.True(ScheduleGate.IsOpen(schedule, clock.GetUtcNow()));
        clock.SetUtcNow(end - Tick);
        Assert.True(ScheduleGate.IsOpen(schedule, clock.GetUtcNow()));
        clock.Advance(Tick);
        Assert.False(ScheduleGate.IsOpen(schedule, clock.GetUtcNow()));
    }

    [Fact]
    public void An_open_ended_schedule_has_only_the_bound_it_names()
    {
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(ScheduleGate.IsOpen(new ServingSchedule(Start: at), at.AddYears(5)));
        Assert.False(ScheduleGate.IsOpen(new ServingSchedule(End: at), at));
        Assert.True(ScheduleGate.IsOpen(null, at));
    }

    [Fact]
    public void Daily_hours_are_local_wall_clock_time_from_inclusive_to_exclusive()
    {
        // Berlin in winter is UTC+1: 08:00-20:00 local is 07:00-19:00 UTC.
        var hours = new ServingSchedule(Hours: new DailyHours(8 * 60, 20 * 60, "Europe/Berlin"));
        Assert.False(OpenAt(hours, "2026-01-15T06:59:59.9999999Z"));
        Assert.True(OpenAt(hours, "2026-01-15T07:00:00Z"));
        Assert.True(OpenAt(hours, "2026-01-15T18:59:59.9999999Z"));
        Assert.False(OpenAt(hours, "2026-01-15T19:00:00Z"));
    }

    [Fact]
    public void On_the_spring_forward_day_the_window_moves_with_the_clock_and_a_skipped_hour_never_opens()
    {
        // Europe/Berlin, 29 March 2026: at 01:00 UTC local time jumps from 02:00 CET to 03:00 CEST (UTC+2).
        var day = new ServingSchedule(Hours: new DailyHours(8 * 60, 20 * 60, "Europe/Berlin"));
        Assert.False(OpenAt(day, "2026-03-29T05:59:59Z"));
        Assert.True(OpenAt(day, "2026-03-29T06:00:00Z"));
        Assert.True(OpenAt(day, "2026-03-29T17:59:59Z"));
        Assert.False(OpenAt(day, "2026-03-29T18:00:00Z"));

        // The day before, still CET: the same window is an hour later in UTC.
        Assert.False(OpenAt(day, "2026-03-28T06:00:00Z"));
        Assert.True(OpenAt(day, "2026-03-28T07:00:00Z"));

        var skipped = new ServingSchedule(Hours: new DailyHours(2 * 60, 3 * 60, "Europe/Berlin"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero));
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            Assert.False(ScheduleGate.IsOpen(skipped, clock.GetUtcNow()), $"02:00-03:00 open at {clock.GetUtcNow():u}");
            clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public void On_the_fall_back_day_a_window_in_the_repeated_hour_is_open_both_times()
    {
        // Europe/Berlin, 25 October 2026: at 01:00 UTC local time goes back from 03:00 CEST to 02:00 CET, so 02:xx
        // happens twice, at 00:xx and at 01:xx UTC.
        var repeated = new ServingSchedule(Hours: new DailyHours(2 * 60, 3 * 60, "Europe/Berlin"));
        Assert.False(OpenAt(repeated, "2026-10-24T23:59:59Z"));
        Assert.True(OpenAt(repeated, "2026-10-25T00:00:00Z"));
        Assert.True(OpenAt(repeated, "2026-10-25T01:59:59Z"));
        Assert.False(OpenAt(repeated, "2026-10-25T02:00:00Z"));
    }

    [Fact]
    public void A_window_whose_end_is_before_its_start_crosses_midnight()
    {
        var nights = new ServingSchedule(Hours: new DailyHours(22 * 60, 6 * 60, "UTC"));
        Assert.False(OpenAt(nights, "2026-06-01T21:59:59Z"));
        Assert.True(OpenAt(nights, "2026-06-01T22:00:00Z"));
        Assert.True(OpenAt(nights, "2026-06-01T23:59:59Z"));
        Assert.True(OpenAt(nights, "2026-06-02T00:00:00Z"));
        Assert.True(OpenAt(nights, "2026-06-02T05:59:59Z"));
        Assert.False(OpenAt(nights, "2026-06-02T06:00:00Z"));
        Assert.False(OpenAt(nights, "2026-06-02T12:00:00Z"));

        var untilMidnight = new ServingSchedule(Hours: new DailyHours(20 * 60, 0, "UTC"));
        Assert.True(OpenAt(untilMidnight, "2026-06-01T23:59:59Z"));
        Assert.False(OpenAt(untilMidnight, "2026-06-02T00:00:00Z"));
    }

    [Fact]
    public void Dates_and_hours_must_both_hold()
    {
        var schedule = new ServingSchedule(
            new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), new DailyHours(9 * 60, 17 * 60, "UTC"));
        Assert.True(OpenAt(schedule, "2026-06-01T09:00:00Z"));
        Assert.False(OpenAt(schedule, "2026-06-01T08:00:00Z"));
        Assert.False(OpenAt(schedule, "2026-06-02T09:00:00Z"));
    }
}
