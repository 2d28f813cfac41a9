using System.Diagnostics;

namespace Orleans.Bandits.Clients.Tests.Running;

/// <summary>What a child process printed, and how it ended.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output, string Errors)
{
    /// <summary>Everything it printed, for a failing assertion's message.</summary>
    public override string ToString() => $"`{Command}` exited {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>Runs the other languages' tools (npm, node, python3) with a bounded wait.</summary>
public static class ChildProcess
{
    /// <summary>What every child gets: no colour codes in what the tests parse, no update checks or telemetry calls.</summary>
    private static readonly Dictionary<string, string> Quiet = new(StringComparer.Ordinal)
    {
        ["NO_COLOR"] = "1",
        ["FORCE_COLOR"] = "0",
        ["npm_config_update_notifier"] = "false",
        ["npm_config_fund"] = "false",
        ["npm_config_audit"] = "false",
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    /// <exception cref="TimeoutException">The process (and its children, which are killed with it) ran past <paramref name="timeout"/>.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Quiet.Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[name] = value;
        }

        var command = $"{fileName} {string.Join(' ', arguments)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start `{command}`.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds} s.\n--- stdout\n{await output}\n--- stderr\n{await errors}");
        }

        return new ProcessResult(command, process.ExitCode, await output, await errors);
    }
}
