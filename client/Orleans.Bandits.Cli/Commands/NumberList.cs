using System.Globalization;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>Parses comma-separated numbers such as <c>0.5,0.45,0.4</c> (invariant culture: the dot is the decimal point).</summary>
public static class NumberList
{
    public static double[] Parse(string text, string option)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException(option, $"'{parts[i]}' is not a number (expected comma-separated numbers such as 0.5,0.45).");
            }
        }

        return values;
    }

    /// <summary>Parses rows separated by ';', each a comma-separated list, e.g. <c>0.5,0.4;0.1,0.2</c>.</summary>
    public static double[][] ParseRows(string text, string option) =>
        text.Split(';', StringSplitOptions.TrimEntries).Select(row => Parse(row, option)).ToArray();
}
