using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Bandits.Testing;
using Parquet;
using Parquet.Schema;

namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary><c>bandits evaluate --file</c>: a live silo's log exported with <c>bandits export</c>, evaluated without the server.</summary>
public sealed class OfflineEvaluateTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>, IDisposable
{
    private const int Decisions = 30;

    private readonly string _directory = Directory.CreateTempSubdirectory("bandits-cli-offline-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string[], string, int, string[], bool> Evaluations => new()
    {
        // Arms not in ordinal order, so the file's own order would differ: --arms gives the experiment's.
        { ["red", "blue"], "random", 0, ["--policy", "ucb1", "--param", "c=1"], true },
        { ["blue", "red"], "random", 0, ["--policy", "epsilon-greedy", "--param", "epsilon=0.2", "--estimator", "snips", "--estimator", "dr"], false },
        // A contextual target takes its context dimension from the file's rows.
        { ["blue", "red"], "lin-thompson", 2, ["--policy", "lin-ucb"], false },
    };

    [Theory]
    [MemberData(nameof(Evaluations))]
    public async Task The_export_evaluates_to_the_numbers_and_table_of_the_live_evaluation(string[] arms, string logging, int contextDimension, string[] target, bool givesArms)
    {
        var id = await LoggedExperimentAsync(arms, logging, contextDimension);
        var file = await ExportAsync(id);
        string[] offline = ["evaluate", "--file", file, .. target, .. givesArms ? new[] { "--arms", string.Join(',', arms) } : []];

        var live = CliAssert.Json(await api.RunAsync(["evaluate", id, .. target, "--json"]));
        var fromFile = CliAssert.Json(await api.RunAsync([.. offline, "--json"]));

        Assert.Equal(Decisions, live.GetProperty("events").GetInt32());
        Assert.NotEmpty(live.GetProperty("estimates").EnumerateArray());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(live.GetRawText()), JsonNode.Parse(fromFile.GetRawText())), $"live {live.GetRawText()}\nfile {fromFile.GetRawText()}");
        var liveTable = await api.RunAsync(["evaluate", id, .. target]);
        var fileTable = await api.RunAsync(offline);
        CliAssert.Succeeded(fileTable);
        Assert.Equal(liveTable.Output, fileTable.Output);
    }

    [Fact]
    public async Task Without_a_server_the_file_is_all_it_needs()
    {
        var file = await ExportAsync(await LoggedExperimentAsync(["blue", "red"], "random", 0));

        var run = await Commands.CliRun.InvokeAsync("evaluate", "--file", file, "--policy", "ucb1", "--json", "--url", UnreachableApi.Url);

        Assert.Equal(Decisions, CliAssert.Json(run).GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task A_log_without_propensities_cannot_be_evaluated_exit_code_3()
    {
        var id = LiveApiFixture.NewId("offdet");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "only", "--policy", "ucb1"));
        await SelectAndRewardAsync(id, 3, contextDimension: 0);
        var file = await ExportAsync(id);

        CliAssert.FailedWith(await api.RunAsync("evaluate", "--file", file, "--policy", "ucb1"), ExitCodes.Rejected, "propensity");
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        CliAssert.FailedWith(await api.RunAsync("evaluate", "--file", Path.Combine(_directory, "missing.parquet"), "--policy", "ucb1"), ExitCodes.Usage, "--file");
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_a_usage_error()
    {
        var file = Path.Combine(_directory, "events.parquet");
        await File.WriteAllTextAsync(file, "selectionId,arm\n1,red\n");

        CliAssert.FailedWith(await api.RunAsync("evaluate", "--file", file, "--policy", "ucb1"), ExitCodes.Usage, "is not a decision log");
    }

    [Fact]
    public async Task A_parquet_file_of_other_columns_is_a_usage_error()
    {
        var file = Path.Combine(_directory, "other.parquet");
        var column = new DataField<int>("clicks");
        await using (var output = File.Create(file))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(column), output);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(column, (ReadOnlyMemory<int>)new[] { 1, 2 });
        }

        CliAssert.FailedWith(await api.RunAsync("evaluate", "--file", file, "--policy", "ucb1"), ExitCodes.Usage, "is not a decision log");
    }

    [Fact]
    public async Task An_unknown_policy_on_a_file_is_a_usage_error_naming_the_option()
    {
        var file = await ExportAsync(await LoggedExperimentAsync(["blue", "red"], "random", 0));

        CliAssert.FailedWith(await api.RunAsync("evaluate", "--file", file, "--policy", "no-such-policy"), ExitCodes.Usage, "--policy");
    }

    [Theory]
    [InlineData(new[] { "evaluate", "some-experiment", "--file", "events.parquet", "--policy", "ucb1" }, "--file")]
    [InlineData(new[] { "evaluate", "--policy", "ucb1" }, "id")]
    [InlineData(new[] { "evaluate", "some-experiment", "--arms", "a,b", "--policy", "ucb1" }, "--arms")]
    [InlineData(new[] { "evaluate", "--file", "events.parquet", "--arms", "a,,b", "--policy", "ucb1" }, "--arms")]
    [InlineData(new[] { "evaluate", "--file", "events.parquet", "--arms", "a,b,a", "--policy", "ucb1" }, "--arms")]
    public async Task Conflicting_or_malformed_sources_are_usage_errors(string[] args, string named)
    {
        CliAssert.FailedWith(await api.RunAsync(args), ExitCodes.Usage, named);
    }

    /// <summary>An experiment with <see cref="Decisions"/> decisions, all rewarded (the first arm 1, others 0).</summary>
    private async Task<string> LoggedExperimentAsync(string[] arms, string policy, int contextDimension)
    {
        var id = LiveApiFixture.NewId("offline");
        string[] create = ["experiments", "create", id, "--policy", policy, .. arms.SelectMany(arm => new[] { "--arm", arm })];
        CliAssert.Succeeded(await api.RunAsync(contextDimension > 0 ? [.. create, "--context-dimension", contextDimension.ToString(CultureInfo.InvariantCulture)] : create));
        await SelectAndRewardAsync(id, Decisions, contextDimension, arms[0]);
        return id;
    }

    private async Task SelectAndRewardAsync(string id, int decisions, int contextDimension, string? rewarded = null)
    {
        for (var i = 0; i < decisions; i++)
        {
            string[] select = ["select", id, "--json"];
            var context = string.Join(',', Enumerable.Range(0, contextDimension).Select(d => ((i + d) % 3).ToString(CultureInfo.InvariantCulture)));
            var selection = CliAssert.Json(await api.RunAsync(contextDimension > 0 ? [.. select, "--context", context] : select));
            var reward = rewarded is null || selection.GetProperty("arm").GetString() == rewarded ? "1" : "0";
            CliAssert.Succeeded(await api.RunAsync("feedback", selection.GetProperty("token").GetString()!, "--reward", reward));
        }

        await api.WaitForRewardedDecisionsAsync(id, decisions);
    }

    private async Task<string> ExportAsync(string id)
    {
        var file = Path.Combine(_directory, $"{id}.parquet");
        CliAssert.Succeeded(await api.RunAsync("export", id, "--output", file));
        return file;
    }
}
