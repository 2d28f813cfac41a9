using System.Globalization;

namespace Orleans.Bandits.Harness.Reporting;

/// <summary>Invariant-culture formatting for the CSV files (no quoting needed: no field holds a comma).</summary>
public static class Csv
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Row(params object[] fields) => string.Join(',', fields.Select(f => f switch
    {
        double d => Number(d),
        bool b => b ? "true" : "false",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => f.ToString(),
    }));
}
