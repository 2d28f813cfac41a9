using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// <c>{"from":"08:00","to":"20:00","timeZone":"Europe/Berlin"}</c>: local wall-clock times "HH:mm", from inclusive, to
/// exclusive, in an IANA time zone; a <c>to</c> earlier than <c>from</c> crosses midnight.
/// </summary>
public sealed record DailyHoursBody([property: Required] string? From, [property: Required] string? To, [property: Required] string? TimeZone);
