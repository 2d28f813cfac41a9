using System.CommandLine;
using Orleans.Bandits.Cli.Environments;
using Orleans.Bandits.Cli.Reporting;
using Orleans.Bandits.Cli.Running;
using Orleans.Bandits.Tools;
using Spectre.Console;

namespace Orleans.Bandits.Cli.Commands;

/// <summary><c>bandits simulate</c>: plays a catalogue policy over seeded environments and reports its regret.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var options = new SimulateOptions();
        var command = new Command("simulate", "Simulate a policy over seeds 1..N and report pseudo-regret, bounds and the batching/delay overhead.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => Execute(options, parseResult));
        return command;
    }

    private static int Execute(SimulateOptions options, ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var request = options.Read(parseResult);
            var descriptor = PolicyArguments.Find(request.Policy);
            var environment = EnvironmentFactory.Plan(request.Environment, request.Rounds);
            var parameters = PolicyArguments.WithHorizon(descriptor, request.Parameters, request.Rounds);
            var policy = PolicyArguments.Create(descriptor, parameters, environment.ContextDimension);

            var console = ConsoleFactory.For(output, ReportFormat.PlainWidth);
            var report = ProgressDisplay.Run(console, SimulationRunner.SeedRuns(request), tick => SimulationRunner.Run(policy, environment, request, tick));
            ReportTable.Write(console, report);
            if (request.CsvPath is { } path)
            {
                CurveCsvWriter.Write(path, report);
                console.WriteLine($"Curves and summary written to {path}");
            }

            return ExitCodes.Success;
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Option}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: --csv: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"error: --csv: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
