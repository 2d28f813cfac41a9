using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class StatsCommandTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>
{
    private static readonly TimeSpan WatchLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stats_prints_a_row_per_arm_matching_the_JSON()
    {
        var id = LiveApiFixture.NewId("stats");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red", "--arm", "blue"));

        var json = CliAssert.Json(await api.RunAsync("stats", id, "--json"));
        var table = await api.RunAsync("stats", id);

        Assert.Equal(["red", "blue"], json.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        CliAssert.Succeeded(table);
        Assert.Contains($"{id} · version {json.GetProperty("version").GetInt64()}", table.Output);
        Assert.Contains("red", table.Output);
        Assert.Contains("blue", table.Output);
        Assert.Contains("P(best)", table.Output);
    }

    [Fact]
    public async Task Stats_of_an_unknown_experiment_is_not_found()
    {
        CliAssert.FailedWith(await api.RunAsync("stats", LiveApiFixture.NewId("none")), ExitCodes.Rejected, "(HTTP 404 not-found)");
        CliAssert.FailedWith(await api.RunAsync("stats", LiveApiFixture.NewId("none"), "--watch"), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }

    [Fact]
    public async Task Watch_prints_every_new_version_until_cancelled_and_then_exits_0()
    {
        var id = LiveApiFixture.NewId("watch");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red", "--arm", "blue"));
        using var output = new ObservedWriter();
        using var error = new ObservedWriter();
        using var stop = new CancellationTokenSource();
        var watch = BanditsCli.RunAsync(["stats", id, "--watch", "--json", "--url", api.Url], output, error, stop.Token);

        await Eventually.Until(() => Task.FromResult(Lines(output)), lines => lines.Count >= 1, WatchLimit, "the first stats event");
        var token = CliAssert.Json(await api.RunAsync("select", id, "--json")).GetProperty("token").GetString()!;
        CliAssert.Succeeded(await api.RunAsync("feedback", token, "--reward", "1"));
        var lines = await Eventually.Until(
            () => Task.FromResult(Lines(output)),
            lines => lines.Any(l => l.GetProperty("trainedEvents").GetInt64() == 1),
            WatchLimit,
            "a stats event with the feedback trained");
        stop.Cancel();

        Assert.Equal(ExitCodes.Success, await watch);
        Assert.Equal("", error.ToString());
        Assert.Equal(0, lines[0].GetProperty("trainedEvents").GetInt64());
        var versions = lines.Select(l => l.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(versions.Distinct().Count(), versions.Count);
    }

    [Fact]
    public async Task Watch_prints_tables_for_people()
    {
        var id = LiveApiFixture.NewId("watcht");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red"));
        using var output = new ObservedWriter();
        using var error = new ObservedWriter();
        using var stop = new CancellationTokenSource();
        var watch = BanditsCli.RunAsync(["stats", id, "--watch", "--url", api.Url], output, error, stop.Token);

        await Eventually.Until(() => Task.FromResult(output.ToString()), text => text.Contains($"{id} · version"), WatchLimit, "the first stats table");
        stop.Cancel();

        Assert.Equal(ExitCodes.Success, await watch);
        Assert.Contains("red", output.ToString());
    }

    private static List<JsonElement> Lines(ObservedWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
}
