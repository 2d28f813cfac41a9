namespace Orleans.Bandits.Cli.Tests.Commands;

/// <summary>One in-process invocation of the <c>bandits</c> command with its output captured.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = BanditsCli.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>For commands that wait on a cluster: awaited rather than blocked on.</summary>
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BanditsCli.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
