using System.CommandLine;
using Orleans.Bandits.Scale.Benchmarks.Budget;
using Orleans.Bandits.Scale.Benchmarks.Reporting;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks;

/// <summary>The <c>scale-benchmark</c> command line: measures every scale, then prints the table; <c>budget</c> measures the largest experiments instead.</summary>
public static class ScaleCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ScaleOptions();
        var root = new RootCommand("Scale benchmark: experiments active in one silo (Redis grain storage on a private redis-server, memory streams).");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(BudgetCommand.Create());

        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = options.Read(parseResult);
            var machine = MachineDescription.Capture();
            AnsiConsole.MarkupLineInterpolated($"[bold]{machine}[/]");
            var results = new List<ScaleResult>();
            foreach (var experiments in settings.Scales)
            {
                var result = await new ScaleRun(settings, experiments).RunAsync(cancellationToken);
                if (result.Serving is { } serving)
                {
                    AnsiConsole.MarkupLineInterpolated($"activations after the feedback rounds: {serving.Active}");
                }
                results.Add(result);

                // Each scale's figures as soon as they exist: a later scale that fails keeps them.
                Console.WriteLine(new ScaleReport(settings, [result]).ToMarkdown());
            }

            var report = new ScaleReport(settings, results);
            AnsiConsole.Write(report.ToTable());
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLineInterpolated($"[bold]{MachineDescription.Capture().LoadLine}[/] (at the end)");
            Console.WriteLine();
            Console.WriteLine(report.ToMarkdown());
            return 0;
        });
        return await root.Parse(args).InvokeAsync();
    }
}
