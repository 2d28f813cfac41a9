using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>Adds table rows as plain text: ids and messages come from the API and must not be read as Spectre markup.</summary>
public static class Rows
{
    public static void Add(Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)));
}
