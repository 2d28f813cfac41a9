using System.CommandLine;
using Orleans.Bandits.Scale.Benchmarks.Reporting;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Budget;

/// <summary>
/// <c>budget</c>: what the largest experiment a tenant may create costs one silo in memory, per policy, against the
/// state budget. No Redis: local mode, where the stored copy of the state lives in the silo too.
/// </summary>
public static class BudgetCommand
{
    public static Command Create()
    {
        var perPolicy = ScaleOptions.Count("--per-policy", "Largest experiments created per policy; memory is reported per experiment.", 3);
        var command = new Command("budget", "Memory per experiment of the largest create each policy allows, against the 16 MB state budget.") { perPolicy };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(perPolicy);
            AnsiConsole.MarkupLineInterpolated($"[bold]{MachineDescription.Capture()}[/]");
            var footprints = await new BudgetRun(count).RunAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[bold]{MachineDescription.Capture().LoadLine}[/] (at the end)");
            Console.WriteLine();
            var report = new BudgetReport(count, footprints);
            Console.WriteLine(report.ToMarkdown());
            return report.WithinStatedBound ? 0 : 1;
        });
        return command;
    }
}
