using Orleans.Bandits.Cli.Tests.Commands;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class ConnectionTests
{
    public static TheoryData<string[]> EveryCommand => new()
    {
        new[] { "experiments", "list" },
        new[] { "experiments", "create", "x", "--arm", "a" },
        new[] { "experiments", "show", "x" },
        new[] { "experiments", "pause", "x" },
        new[] { "experiments", "resume", "x" },
        new[] { "experiments", "delete", "x" },
        new[] { "arms", "add", "x", "a" },
        new[] { "arms", "retire", "x", "a" },
        new[] { "select", "x" },
        new[] { "feedback", "token", "--reward", "1" },
        new[] { "stats", "x" },
        new[] { "stats", "x", "--watch" },
        new[] { "policies" },
        new[] { "evaluate", "x", "--policy", "ucb1" },
        new[] { "export", "x", "--output", "never-written.parquet" },
        new[] { "export", "x", "--output", "never-written.ndjson", "--format", "ndjson" },
        new[] { "tenants", "create", "t" },
        new[] { "keys", "create", "t", "--name", "web" },
        new[] { "keys", "revoke", "t", "k" },
    };

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task A_server_that_is_not_there_is_one_line_and_exit_code_4(string[] command)
    {
        var run = await CliRun.InvokeAsync([.. command, "--url", UnreachableApi.Url]);

        CliAssert.FailedWith(run, ExitCodes.Unavailable, "(unreachable)");
        Assert.Contains(UnreachableApi.Url, run.Error);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task A_url_that_is_not_http_is_a_usage_error(string url)
    {
        CliAssert.FailedWith(await CliRun.InvokeAsync("policies", "--url", url), ExitCodes.Usage, "--url");
    }
}
