using System.CommandLine;
using Orleans.Bandits.Harness.Commands;

namespace Orleans.Bandits.Harness;

/// <summary>The <c>flaky-harness</c> command line; callable in-process with captured output.</summary>
public static class HarnessCli
{
    public static RootCommand CreateRootCommand(TimeProvider clock) =>
        new("The flaky load-balancer study: strategies V1–V8, BWK and uniform random routing over flaky servers, scored as the take-home.")
        {
            RunCommand.Create(clock),
            StrategiesCommand.Create(),
        };

    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results go; the console when <c>null</c>.</param>
    /// <param name="error">Where errors go; the console's error stream when <c>null</c>.</param>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parseResult = CreateRootCommand(TimeProvider.System).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'flaky-harness --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
