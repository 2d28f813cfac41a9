namespace Orleans.Bandits.Http.Models;

/// <summary><c>{"start": iso, "end": iso, "hours": {...}}</c>, each optional: start inclusive, end exclusive.</summary>
public sealed record ScheduleBody(DateTimeOffset? Start, DateTimeOffset? End, DailyHoursBody? Hours);
