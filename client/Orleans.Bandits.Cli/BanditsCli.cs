using System.CommandLine;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Management;

namespace Orleans.Bandits.Cli;

/// <summary>The <c>bandits</c> command line; callable in-process with captured output.</summary>
public static class BanditsCli
{
    /// <summary>How long a cancelled command may take to wrap up before the process ends anyway.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromMinutes(5);

    public static RootCommand CreateRootCommand() =>
        new("Orleans.Bandits command line: manage experiments over the HTTP API, simulate bandit policies and measure their regret, alone or on a live cluster.")
        {
            ExperimentsCommand.Create(),
            ArmsCommand.Create(),
            SelectCommand.Create(),
            FeedbackCommand.Create(),
            StatsCommand.Create(),
            PoliciesCommand.Create(),
            ExportCommand.Create(),
            EvaluateCommand.Create(),
            TenantsCommand.Create(),
            KeysCommand.Create(),
            DeadLettersCommand.Create(),
            SimulateCommand.Create(),
            StudyCommand.Create(),
        };

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results go; the console when <c>null</c>.</param>
    /// <param name="error">Where errors go; the console's error stream when <c>null</c>.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        RunAsync(args, output, error).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    /// <param name="cancellationToken">Ends the command as Ctrl-C would (e.g. <c>stats --watch</c>).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parseResult = CreateRootCommand().Parse(args);

        // System.CommandLine answers parse errors with exit code 1 and the full help text; a usage
        // mistake gets exit code 2 here and only the messages, which name the offending option.
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'bandits --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl-C or SIGTERM cancels the command's token; a study then finishes its batches and
        // reports the rounds every run reached, which takes longer than the 2 s default allows.
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = StopGrace }, cancellationToken);
    }
}
