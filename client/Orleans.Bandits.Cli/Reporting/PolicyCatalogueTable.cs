using System.Globalization;
using Orleans.Bandits.Cli.Api.Models;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Reporting;

/// <summary>The policy catalogue: name, whether it needs a context, the rewards it accepts, its parameters with defaults.</summary>
public static class PolicyCatalogueTable
{
    public static void Write(IAnsiConsole console, PolicyCatalogueModel catalogue)
    {
        var table = new Table();
        table.AddColumn("policy");
        table.AddColumn("contextual");
        table.AddColumn("rewards");
        table.AddColumn("params (defaults)");
        foreach (var policy in catalogue.Items)
        {
            Rows.Add(
                table,
                policy.Name,
                policy.Contextual ? "yes" : "no",
                policy.RewardRange is [var low, var high] ? $"[{Bound(low, "-∞")}, {Bound(high, "∞")}]" : "any",
                policy.Params.Count == 0 ? ReportFormat.Missing : string.Join(" ", policy.Params.Select(p => $"{p.Name}={Bound(p.Default, "none")}")));
        }

        console.Write(table);
    }

    private static string Bound(double? value, string missing) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : missing;
}
