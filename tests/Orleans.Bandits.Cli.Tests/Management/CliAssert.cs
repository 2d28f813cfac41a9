using System.Text.Json;
using Orleans.Bandits.Cli.Tests.Commands;

namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>What every management command promises: JSON that parses on success, one error line and a class exit code on failure.</summary>
public static class CliAssert
{
    public static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal("", run.Error);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    public static void Succeeded(CliRun run)
    {
        Assert.True(run.ExitCode == ExitCodes.Success, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal("", run.Error);
    }

    /// <summary>The run failed with <paramref name="exitCode"/>, printed nothing on stdout and exactly one line on stderr containing <paramref name="says"/>.</summary>
    public static void FailedWith(CliRun run, int exitCode, string says)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}, expected {exitCode}: {run.Error}");
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(says, line);
        Assert.DoesNotContain("Exception", line);
    }
}
