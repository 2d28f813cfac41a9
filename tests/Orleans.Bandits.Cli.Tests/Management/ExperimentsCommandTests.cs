using System.Text.Json;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class ExperimentsCommandTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>, IDisposable
{
    private readonly string _bodyFile = Path.Combine(Path.GetTempPath(), $"bandits-cli-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_bodyFile);

    [Fact]
    public async Task Create_sends_every_option_and_prints_the_created_experiment()
    {
        var id = LiveApiFixture.NewId("create");

        var created = CliAssert.Json(await api.RunAsync(
            "experiments", "create", id, "--policy", "ucb1", "--param", "c=1.5", "--arm", "red", "--arm", "blue",
            "--feedback-window-seconds", "600", "--reward-wait-seconds", "60", "--default-reward", "0", "--reward-aggregation", "sum", "--json"));

        Assert.Equal(id, created.GetProperty("id").GetString());
        Assert.Equal(["red", "blue"], created.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("ucb1", created.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal(1.5, created.GetProperty("policy").GetProperty("params").GetProperty("c").GetDouble());
        Assert.Equal(600, created.GetProperty("feedbackWindowSeconds").GetInt32());
        Assert.Equal(60, created.GetProperty("rewardWaitSeconds").GetInt32());
        Assert.Equal(0, created.GetProperty("defaultReward").GetDouble());
        Assert.Equal("sum", created.GetProperty("rewardAggregation").GetString());

        var shown = await api.RunAsync("experiments", "show", id);
        CliAssert.Succeeded(shown);
        Assert.Contains("ucb1", shown.Output);
        Assert.Contains("c=1.5", shown.Output);
        Assert.Contains("red, blue", shown.Output);
        Assert.Contains("60 s", shown.Output);
    }

    [Fact]
    public async Task Create_from_a_body_file_takes_the_files_fields_and_the_options_override_them()
    {
        var id = LiveApiFixture.NewId("file");
        File.WriteAllText(_bodyFile, $$$"""{"id":"{{{id}}}","arms":[{"id":"a"},{"id":"b"}],"policy":{"name":"lin-ucb","params":{"alpha":2}},"contextDimension":3}""");

        var created = CliAssert.Json(await api.RunAsync("experiments", "create", "--from-file", _bodyFile, "--context-dimension", "2", "--json"));

        Assert.Equal(id, created.GetProperty("id").GetString());
        Assert.Equal("lin-ucb", created.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal(2, created.GetProperty("policy").GetProperty("params").GetProperty("alpha").GetDouble());
        Assert.Equal(2, created.GetProperty("contextDimension").GetInt32());
        Assert.Equal(2, created.GetProperty("arms").GetArrayLength());
    }

    [Fact]
    public async Task Create_prints_a_table_for_people()
    {
        var id = LiveApiFixture.NewId("table");

        var run = await api.RunAsync("experiments", "create", id, "--arm", "x", "--arm", "y");

        CliAssert.Succeeded(run);
        Assert.Contains(id, run.Output);
        Assert.Contains("thompson-beta", run.Output);
        Assert.Contains("running", run.Output);
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict_with_exit_code_3()
    {
        var id = LiveApiFixture.NewId("twice");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a"));

        var again = await api.RunAsync("experiments", "create", id, "--arm", "a");

        CliAssert.FailedWith(again, ExitCodes.Rejected, "(HTTP 409 conflict)");
    }

    [Fact]
    public async Task An_invalid_id_is_refused_by_the_API_with_exit_code_2_and_its_message()
    {
        var run = await api.RunAsync("experiments", "create", "Not_Valid!", "--arm", "a");

        CliAssert.FailedWith(run, ExitCodes.Usage, "(HTTP 400 validation)");
        Assert.Contains("id", run.Error);
    }

    [Theory]
    [InlineData("--param", "alpha", "--param")]
    [InlineData("--reward-aggregation", "max", "--reward-aggregation")]
    [InlineData("--context-dimension", "two", "--context-dimension")]
    public async Task Bad_options_are_usage_errors_before_any_request(string option, string value, string named)
    {
        var run = await api.RunAsync("experiments", "create", LiveApiFixture.NewId("bad"), "--arm", "a", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_body_file_that_is_not_JSON_is_a_usage_error_naming_the_option()
    {
        File.WriteAllText(_bodyFile, "{not json");

        var run = await api.RunAsync("experiments", "create", "--from-file", _bodyFile);

        CliAssert.FailedWith(run, ExitCodes.Usage, "--from-file");
    }

    [Fact]
    public async Task List_follows_every_page_and_prints_each_experiment_once()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => LiveApiFixture.NewId("list")).ToList();
        foreach (var id in ids)
        {
            CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a", "--json"));
        }

        var listed = CliAssert.Json(await api.RunAsync("experiments", "list", "--page-size", "2", "--json"));
        var listedIds = listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

        Assert.Equal(listedIds.Count, listedIds.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, listedIds));

        var table = await api.RunAsync("experiments", "list");
        CliAssert.Succeeded(table);
        Assert.All(ids, id => Assert.Contains(id, table.Output));
        Assert.Contains($"{listedIds.Count} experiment(s)", table.Output);
    }

    [Fact]
    public async Task List_refuses_a_page_size_the_API_does_not_serve()
    {
        var run = await api.RunAsync("experiments", "list", "--page-size", "0");

        CliAssert.FailedWith(run, ExitCodes.Usage, "--page-size");
    }

    [Fact]
    public async Task Pause_and_resume_change_the_status_the_API_reports()
    {
        var id = LiveApiFixture.NewId("pause");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a", "--arm", "b"));

        Assert.Equal("paused", CliAssert.Json(await api.RunAsync("experiments", "pause", id, "--json")).GetProperty("status").GetString());
        Assert.Equal("paused", CliAssert.Json(await api.RunAsync("experiments", "show", id, "--json")).GetProperty("status").GetString());
        var paused = CliAssert.Json(await api.RunAsync("select", id, "--json"));
        Assert.True(paused.GetProperty("paused").GetBoolean());

        var resumed = await api.RunAsync("experiments", "resume", id);
        CliAssert.Succeeded(resumed);
        Assert.Contains("running", resumed.Output);
        Assert.Equal("running", CliAssert.Json(await api.RunAsync("experiments", "show", id, "--json")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reset_forgets_what_was_learned_keeps_the_arms_and_audit_lists_every_action()
    {
        var id = LiveApiFixture.NewId("reset");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a", "--arm", "b"));
        var created = CliAssert.Json(await api.RunAsync("experiments", "show", id, "--json"));

        var reset = CliAssert.Json(await api.RunAsync("experiments", "reset", id, "--json"));

        Assert.True(reset.GetProperty("version").GetInt64() > created.GetProperty("version").GetInt64());
        Assert.Equal(["a", "b"], reset.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var audit = CliAssert.Json(await api.RunAsync("experiments", "audit", id, "--json"));
        Assert.Equal(["create", "reset"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var table = await api.RunAsync("experiments", "audit", id);
        CliAssert.Succeeded(table);
        Assert.Contains("reset", table.Output);
        Assert.Contains("2 action(s)", table.Output);
    }

    [Fact]
    public async Task Delete_removes_the_experiment()
    {
        var id = LiveApiFixture.NewId("delete");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a"));

        var deleted = await api.RunAsync("experiments", "delete", id);

        CliAssert.Succeeded(deleted);
        Assert.Contains(id, deleted.Output);
        CliAssert.FailedWith(await api.RunAsync("experiments", "show", id), ExitCodes.Rejected, "(HTTP 404 not-found)");
    }

    [Fact]
    public async Task Delete_with_json_prints_nothing_since_the_API_answers_204()
    {
        var id = LiveApiFixture.NewId("delete");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a"));

        var deleted = await api.RunAsync("experiments", "delete", id, "--json");

        CliAssert.Succeeded(deleted);
        Assert.Equal("", deleted.Output);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("delete")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("reset")]
    [InlineData("audit")]
    public async Task An_unknown_experiment_is_one_line_and_exit_code_3(string verb)
    {
        var run = await api.RunAsync("experiments", verb, LiveApiFixture.NewId("missing"));

        CliAssert.FailedWith(run, ExitCodes.Rejected, "(HTTP 404 not-found)");
    }

    [Fact]
    public async Task Show_json_is_the_APIs_body_unchanged()
    {
        var id = LiveApiFixture.NewId("raw");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "a"));

        var run = await api.RunAsync("experiments", "show", id, "--json");

        using var http = new HttpClient();
        var direct = await http.GetStringAsync($"{api.Url}v1/experiments/{id}");
        Assert.Equal(direct, run.Output.TrimEnd('\n'));
        Assert.Equal(JsonValueKind.Object, CliAssert.Json(run).ValueKind);
    }
}
