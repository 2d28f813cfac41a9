using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>An off-policy evaluation: the logged value, then each estimator's value with its 95 % interval and effective sample size.</summary>
public static class EvaluationTable
{
    public const string LoggedRow = "logged";

    public static void Write(IAnsiConsole console, string policy, EvaluationModel evaluation)
    {
        var table = new Table()
            .Title(Markup.Escape($"{policy} on {ManagementFormat.Count(evaluation.Events)} logged decisions"))
            .Caption("value: mean reward per decision; logged: what the logging policy earned");
        table.AddColumn("estimator");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("95% CI").RightAligned());
        table.AddColumn(new TableColumn("effective sample size").RightAligned());
        Rows.Add(table, LoggedRow, ManagementFormat.Number(evaluation.Logged.Value), ManagementFormat.Interval(evaluation.Logged.Ci95), ManagementFormat.Count(evaluation.Events));
        foreach (var estimate in evaluation.Estimates)
        {
            Rows.Add(table, estimate.Estimator, ManagementFormat.Number(estimate.Value), ManagementFormat.Interval(estimate.Ci95), ManagementFormat.Number(estimate.EffectiveSampleSize));
        }

        console.Write(table);
    }
}
