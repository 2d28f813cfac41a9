using Orleans.Bandits.Cli.Tests.Commands;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Cli.Tests.Study;

public sealed class StudyErrorTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"bandits-study-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Theory]
    [InlineData("--policy nope", "--policy")]
    [InlineData("--param alpha=-1", "--param alpha")]
    [InlineData("--rounds 1", "--rounds")]
    [InlineData("--seeds 1", "--seeds")]
    [InlineData("--means 0.5,0.5", "--means")]
    [InlineData("--means 0.5,1.2", "--means")]
    [InlineData("--rate 0", "--rate")]
    [InlineData("--window -5", "--window")]
    [InlineData("--window 5 --window-of ucb1", "--window-of")]
    [InlineData("--window-of nope", "--window-of")]
    [InlineData("--mean-delay -1", "--mean-delay")]
    [InlineData("--curve-points 0", "--curve-points")]
    [InlineData("--gateway-port 70000", "--gateway-port")]
    [InlineData("--wait-limit 0", "--wait-limit")]
    public async Task Bad_option_exits_with_code_2_names_the_option_and_writes_nothing(string options, string named)
    {
        var run = await CliRun.InvokeAsync(["study", "--rounds", "100", "--seeds", "2", "--out", _out, .. options.Split(' ')]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(_out), "A refused study creates no output directory.");
    }

    [Fact]
    public async Task Unreachable_cluster_is_a_usage_error_naming_the_gateway()
    {
        // Nothing listens on the port of a listener that was just closed.
        var port = FreePort.Next();
        var run = await CliRun.InvokeAsync("study", "--rounds", "100", "--seeds", "2", "--out", _out, "--wait-limit", "2", "--gateway-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", run.Error);
        Assert.Equal("", run.Output);
    }
}
