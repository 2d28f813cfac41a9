using System.CommandLine;
using System.Globalization;
using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Management;

/// <summary>
/// <c>--from</c> and <c>--to</c> of export and evaluate: the decisions selected from <see cref="From"/> (included) to
/// <see cref="To"/> (excluded), as the API reads its <c>from</c> and <c>to</c>; either end may be open.
/// </summary>
public sealed record SelectionWindow(DateTimeOffset? From, DateTimeOffset? To)
{
    public static Option<string?> FromOption() => new("--from")
    {
        Description = "Only decisions selected at or after this ISO 8601 time (UTC when it names no offset).",
    };

    public static Option<string?> ToOption() => new("--to")
    {
        Description = "Only decisions selected before this ISO 8601 time (UTC when it names no offset).",
    };

    public static SelectionWindow Read(string? from, string? to)
    {
        var window = new SelectionWindow(Parse(from, "--from"), Parse(to, "--to"));
        return window is { From: { } start, To: { } end } && start >= end
            ? throw new UsageException("--from", "--from must be before --to: the window takes --from included, --to excluded.")
            : window;
    }

    /// <summary>No end given: every decision.</summary>
    public bool IsAll => From is null && To is null;

    public bool Contains(DateTimeOffset selectedAt) => (From is not { } start || selectedAt >= start) && (To is not { } end || selectedAt < end);

    /// <summary>The window as the API's query string: empty, or starting with '?'.</summary>
    public string Query()
    {
        var parts = new List<string>();
        if (From is { } start)
        {
            parts.Add($"from={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}");
        }

        if (To is { } end)
        {
            parts.Add($"to={Uri.EscapeDataString(end.ToString("O", CultureInfo.InvariantCulture))}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static DateTimeOffset? Parse(string? text, string option) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new UsageException(option, $"'{text}' is not an ISO 8601 time (e.g. 2025-01-31T00:00:00Z).");
}
