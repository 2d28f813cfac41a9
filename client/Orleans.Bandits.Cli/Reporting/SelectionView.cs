using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>
/// The answer to select as <c>name: value</c> lines rather than a table, so the token (long, opaque) is never
/// wrapped and can be copied into <c>bandits feedback</c>.
/// </summary>
public static class SelectionView
{
    public static void Write(IAnsiConsole console, SelectionModel selection)
    {
        console.WriteLine($"arm: {selection.Arm}");
        console.WriteLine($"token: {selection.Token ?? ReportFormat.Missing}");
        console.WriteLine($"propensity: {ManagementFormat.Number(selection.Propensity)}");
        console.WriteLine($"version: {ManagementFormat.Count(selection.Version)}");
        if (Note(selection) is { } note)
        {
            console.WriteLine($"note: {note}");
        }
    }

    private static string? Note(SelectionModel selection) => selection switch
    {
        { IsDefault: true } => $"the default arm ({selection.Reason ?? "outside the experiment"}): no feedback expected",
        { Paused: true } => "the experiment is paused: its first arm, no feedback expected",
        _ => null,
    };
}
