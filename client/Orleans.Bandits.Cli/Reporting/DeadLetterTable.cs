using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>A page of dead letters, one row each, and where the next page starts.</summary>
public static class DeadLetterTable
{
    public static void Write(IAnsiConsole console, DeadLetterPageModel page)
    {
        var table = new Table();
        table.AddColumn("id");
        table.AddColumn("reason");
        table.AddColumn(new TableColumn("deliveries").RightAligned());
        table.AddColumn("at");
        table.AddColumn("streams");
        foreach (var letter in page.Items)
        {
            Rows.Add(table, letter.Id, letter.Reason, ManagementFormat.Count(letter.Deliveries), ManagementFormat.Time(letter.At), string.Join(", ", letter.Streams));
        }

        console.Write(table);
        console.WriteLine(page.Next is { } next ? $"{page.Items.Count} dead letter(s); more after {next}" : $"{page.Items.Count} dead letter(s)");
    }
}
