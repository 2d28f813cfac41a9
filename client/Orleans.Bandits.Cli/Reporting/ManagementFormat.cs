using System.Globalization;
using System.Text.Json;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>How the management commands show the API's values, so tests and readers can match a table to the JSON.</summary>
public static class ManagementFormat
{
    /// <summary>Width of plain (non-terminal) output: tables never wrap ids or numbers in a file or a test.</summary>
    public const int PlainWidth = 200;

    /// <summary>Estimates (means, intervals, probabilities, propensities): four decimals.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : ReportFormat.Missing;

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Interval(double[]? interval) =>
        interval is [var low, var high] ? $"[{Number(low)}, {Number(high)}]" : ReportFormat.Missing;

    public static string Time(DateTimeOffset? value) => value is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : ReportFormat.Missing;

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    /// <summary>Policy parameters as <c>name=value</c>, vectors comma-separated, as <c>--param</c> takes them.</summary>
    public static string Parameters(IReadOnlyDictionary<string, JsonElement>? parameters) =>
        parameters is null || parameters.Count == 0
            ? ReportFormat.Missing
            : string.Join(" ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={ParameterValue(p.Value)}"));

    private static string ParameterValue(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? string.Join(",", value.EnumerateArray().Select(e => e.GetRawText()))
        : value.GetRawText();
}
