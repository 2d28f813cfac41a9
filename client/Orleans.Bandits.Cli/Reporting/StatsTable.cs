using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>An experiment's stats: one row per arm, the totals in the caption.</summary>
public static class StatsTable
{
    public static void Write(IAnsiConsole console, string experiment, StatsModel stats)
    {
        var table = new Table()
            .Title(Markup.Escape($"{experiment} · version {stats.Version}"))
            .Caption(Markup.Escape(
                $"trained events {ManagementFormat.Count(stats.TrainedEvents)} · decisions {ManagementFormat.Count(stats.Decisions)} · " +
                $"default rewards {ManagementFormat.Count(stats.DefaultRewards)} · duplicates dropped {ManagementFormat.Count(stats.DuplicatesDropped)}"));
        table.AddColumn("arm");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddColumn(new TableColumn("decisions").RightAligned());
        table.AddColumn(new TableColumn("reward sum").RightAligned());
        table.AddColumn(new TableColumn("mean").RightAligned());
        table.AddColumn(new TableColumn("95% CI").RightAligned());
        table.AddColumn(new TableColumn("P(best)").RightAligned());
        table.AddColumn("blocked until");
        foreach (var arm in stats.Arms)
        {
            Rows.Add(
                table,
                arm.Retired ? $"{arm.Id} (retired)" : arm.Id,
                ManagementFormat.Count(arm.Count),
                ManagementFormat.Count(arm.Decisions),
                ManagementFormat.Number(arm.RewardSum),
                ManagementFormat.Number(arm.Mean),
                ManagementFormat.Interval(arm.Ci95),
                ManagementFormat.Number(arm.ProbabilityBest),
                ManagementFormat.Time(arm.BlockedUntil));
        }

        console.Write(table);
    }
}
