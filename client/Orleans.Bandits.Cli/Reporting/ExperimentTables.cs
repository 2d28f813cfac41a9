using System.Globalization;
using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>Experiments as tables: one row each for a list, one row per field for a single experiment.</summary>
public static class ExperimentTables
{
    public static void WriteList(IAnsiConsole console, IReadOnlyList<ExperimentModel> experiments)
    {
        var table = new Table();
        table.AddColumn("id");
        table.AddColumn("status");
        table.AddColumn("policy");
        table.AddColumn(new TableColumn("arms").RightAligned());
        table.AddColumn(new TableColumn("version").RightAligned());
        table.AddColumn(new TableColumn("trained").RightAligned());
        table.AddColumn("created");
        foreach (var experiment in experiments)
        {
            Rows.Add(
                table,
                experiment.Id,
                experiment.Status,
                experiment.Policy.Name,
                experiment.Arms.Count.ToString(CultureInfo.InvariantCulture),
                ManagementFormat.Count(experiment.Version),
                ManagementFormat.Count(experiment.TrainedEvents),
                ManagementFormat.Time(experiment.CreatedAt));
        }

        console.Write(table);
        console.WriteLine($"{experiments.Count} experiment(s)");
    }

    public static void WriteOne(IAnsiConsole console, ExperimentModel experiment)
    {
        var table = new Table().Title(Markup.Escape(experiment.Id));
        table.AddColumn("field");
        table.AddColumn("value");
        Rows.Add(table, "status", experiment.Status);
        Rows.Add(table, "winner", experiment.Winner is { } winner ? (winner.Arm ?? "not yet") : ReportFormat.Missing);
        Rows.Add(table, "policy", experiment.Policy.Name);
        Rows.Add(table, "params", ManagementFormat.Parameters(experiment.Policy.Params));
        Rows.Add(table, "arms", string.Join(", ", experiment.Arms.Select(a => a.Id)));
        Rows.Add(table, "retired arms", experiment.RetiredArms is { Count: > 0 } retired ? string.Join(", ", retired.Select(a => a.Id)) : ReportFormat.Missing);
        Rows.Add(table, "context dimension", experiment.ContextDimension.ToString(CultureInfo.InvariantCulture));
        Rows.Add(table, "feedback window", $"{experiment.FeedbackWindowSeconds.ToString(CultureInfo.InvariantCulture)} s");
        Rows.Add(table, "reward aggregation", experiment.RewardAggregation ?? ReportFormat.Missing);
        Rows.Add(table, "reward wait", experiment.RewardWaitSeconds is { } wait ? $"{wait.ToString(CultureInfo.InvariantCulture)} s" : "off");
        Rows.Add(table, "default reward", experiment.DefaultReward is { } reward ? reward.ToString(CultureInfo.InvariantCulture) : ReportFormat.Missing);
        Rows.Add(table, "version", ManagementFormat.Count(experiment.Version));
        Rows.Add(table, "trained events", ManagementFormat.Count(experiment.TrainedEvents));
        Rows.Add(table, "created", ManagementFormat.Time(experiment.CreatedAt));
        console.Write(table);
    }

    public static void WriteAudit(IAnsiConsole console, AuditModel audit)
    {
        var table = new Table();
        table.AddColumn("at");
        table.AddColumn("actor");
        table.AddColumn("action");
        table.AddColumn("detail");
        foreach (var entry in audit.Items)
        {
            Rows.Add(table, ManagementFormat.Time(entry.At), entry.Actor, entry.Action, entry.Detail);
        }

        console.Write(table);
        console.WriteLine($"{audit.Items.Count} action(s)");
    }
}
