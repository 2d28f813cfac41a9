using System.Globalization;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>How numbers appear in the table and the CSV, so tests and readers can match one to the other.</summary>
public static class ReportFormat
{
    public const string Missing = "–";

    /// <summary>Width of plain (non-terminal) output: the report table never wraps its numbers in a file or a test.</summary>
    public const int PlainWidth = 180;

    /// <summary>Regret and bounds: one decimal.</summary>
    public static string Regret(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    public static string Regret(double? value) => value is { } v ? Regret(v) : Missing;

    public static string Ratio(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : Missing;

    public static string Percent(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : Missing;

    /// <summary>Full precision for the CSV.</summary>
    public static string Csv(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Csv(double? value) => value is { } v ? Csv(v) : "";
}
