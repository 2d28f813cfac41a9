using System.Globalization;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>How a mean and its interval read in tables: <c>812.4 ± 9.1</c>, or the mean alone for a single seed.</summary>
public static class SummaryFormat
{
    /// <summary>Width of plain (non-terminal) output: the summary tables never wrap their numbers in a log file or a test.</summary>
    public const int PlainWidth = 200;

    public static string MeanCi(SeedSummary summary, string format) =>
        summary.HalfWidth95 is { } half
            ? $"{summary.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {half.ToString(format, CultureInfo.InvariantCulture)}"
            : summary.Mean.ToString(format, CultureInfo.InvariantCulture);

    public static string Signed(SeedSummary summary, string format) =>
        (summary.Mean >= 0 ? "+" : "") + MeanCi(summary, format);

    /// <summary>Whether a paired difference is above 0 with 95 % confidence, only on average, or not at all.</summary>
    public static string Verdict(SeedSummary? difference) => difference switch
    {
        null => "—",
        { Lower: > 0 } => "yes",
        { Mean: > 0 } => "not significant",
        _ => "no",
    };

    public static string Margin(TierVerdict verdict) => verdict switch
    {
        { RunnerUp: null } => "only strategy",
        { MarginOverRunnerUp: { } margin } => $"{Signed(margin, "0.0")} over {verdict.RunnerUp}{(verdict.Clear ? "" : " (not significant)")}",
        _ => $"over {verdict.RunnerUp}",
    };
}
