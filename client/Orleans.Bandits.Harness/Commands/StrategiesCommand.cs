using System.CommandLine;
using System.Text.Json;
using Orleans.Bandits.Harness.Reporting;
using Orleans.Bandits.LoadBalancer.Strategies;
using Orleans.Bandits.Tools;
using Spectre.Console;

namespace Orleans.Bandits.Harness.Commands;

/// <summary><c>flaky-harness strategies</c>: every strategy as the platform configuration it is.</summary>
public static class StrategiesCommand
{
    public static Command Create()
    {
        var command = new Command("strategies", "List the strategies: policy, parameters, exploration per attempt, 429 handling and why.");
        command.SetAction(parseResult =>
        {
            var console = ConsoleFactory.For(parseResult.InvocationConfiguration.Output, SummaryFormat.PlainWidth);
            var table = new Table().AddColumns("name", "policy", "params", "exploration (attempts 1, 2, 3, then 4+)", "429", "why");
            foreach (var s in StrategyCatalogue.All)
            {
                table.AddRow(
                    Markup.Escape($"{s.Name}: {s.Title}"),
                    Markup.Escape(s.Policy.Name),
                    Markup.Escape(JsonSerializer.Serialize(s.Policy.Params)),
                    Markup.Escape(s.Exploration.ToString()),
                    Markup.Escape(s.RateLimits.ToString()),
                    Markup.Escape(s.Rationale));
            }

            console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
