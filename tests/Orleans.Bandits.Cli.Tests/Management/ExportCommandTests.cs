using System.Text.Json;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cli.Tests.Management;

public sealed class ExportCommandTests(LiveApiFixture api) : IClassFixture<LiveApiFixture>, IDisposable
{
    private static readonly TimeSpan LogLimit = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("bandits-cli-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Ndjson_export_follows_every_page_and_matches_the_events_route_row_for_row()
    {
        var id = await ExperimentWithDecisionsAsync(5);
        var file = Path.Combine(_directory, "events.ndjson");

        var run = await api.RunAsync("export", id, "--format", "ndjson", "--page-size", "2", "--output", file);

        CliAssert.Succeeded(run);
        Assert.Contains("5 events", run.Output);
        var exported = File.ReadAllLines(file).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("selectionId").GetString()).ToList();
        var listed = (await EventsAsync(id)).Select(e => e.GetProperty("selectionId").GetString()).ToList();
        Assert.Equal(listed, exported);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Parquet_export_writes_the_file_the_API_serves_and_nothing_else()
    {
        var id = await ExperimentWithDecisionsAsync(3);
        var file = Path.Combine(_directory, "events.parquet");

        var run = await api.RunAsync("export", id, "--output", file);

        CliAssert.Succeeded(run);
        Assert.Contains("of Parquet", run.Output);
        using var http = new HttpClient();
        Assert.Equal(await http.GetByteArrayAsync($"{api.Url}v1/experiments/{id}/events.parquet"), File.ReadAllBytes(file));
        // Parquet files begin and end with the magic "PAR1".
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(file)[..4]);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Ndjson_export_keeps_only_the_decisions_inside_the_window()
    {
        var id = await ExperimentWithDecisionsAsync(2);
        var file = Path.Combine(_directory, "window.ndjson");
        var selectedAt = (await EventsAsync(id)).Select(e => e.GetProperty("selectedAt").GetDateTimeOffset()).ToList();

        CliAssert.Succeeded(await api.RunAsync("export", id, "--format", "ndjson", "--output", file, "--from", selectedAt.Max().AddSeconds(1).ToString("O")));
        Assert.Empty(File.ReadAllLines(file));

        CliAssert.Succeeded(await api.RunAsync("export", id, "--format", "ndjson", "--output", file, "--from", selectedAt.Min().ToString("O"), "--to", selectedAt.Max().AddSeconds(1).ToString("O")));
        Assert.Equal(2, File.ReadAllLines(file).Length);
    }

    [Fact]
    public async Task A_failed_export_leaves_an_earlier_file_as_it_was_and_no_partial_one()
    {
        var file = Path.Combine(_directory, "kept.parquet");
        File.WriteAllText(file, "earlier export");

        foreach (var format in new[] { "parquet", "ndjson" })
        {
            var run = await api.RunAsync("export", LiveApiFixture.NewId("none"), "--format", format, "--output", file);

            CliAssert.FailedWith(run, ExitCodes.Rejected, "(HTTP 404 not-found)");
            Assert.Equal("earlier export", File.ReadAllText(file));
            Assert.Equal([file], Directory.GetFiles(_directory));
        }

        CliAssert.FailedWith(await CliRunAt(UnreachableApi.Url, "export", "x", "--output", file), ExitCodes.Unavailable, "(unreachable)");
        Assert.Equal([file], Directory.GetFiles(_directory));
    }

    [Theory]
    [InlineData("--format", "csv", "--format")]
    [InlineData("--from", "yesterday", "--from")]
    [InlineData("--page-size", "0", "--page-size")]
    public async Task Bad_options_are_usage_errors(string option, string value, string named)
    {
        var run = await api.RunAsync("export", "x", "--output", Path.Combine(_directory, "x"), option, value);

        CliAssert.FailedWith(run, ExitCodes.Usage, named);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_a_usage_error()
    {
        var run = await api.RunAsync("export", "x", "--output", Path.Combine(_directory, "x"), "--from", "2025-02-01T00:00:00Z", "--to", "2025-01-01T00:00:00Z");

        CliAssert.FailedWith(run, ExitCodes.Usage, "--from");
    }

    [Fact]
    public async Task An_output_directory_that_does_not_exist_is_a_usage_error()
    {
        var id = await ExperimentWithDecisionsAsync(1);

        var run = await api.RunAsync("export", id, "--format", "ndjson", "--output", Path.Combine(_directory, "missing", "events.ndjson"));

        CliAssert.FailedWith(run, ExitCodes.Usage, "--output");
    }

    private static Task<Commands.CliRun> CliRunAt(string url, params string[] args) => Commands.CliRun.InvokeAsync([.. args, "--url", url]);

    /// <summary>An experiment with <paramref name="decisions"/> selections in its log, one of them rewarded.</summary>
    private async Task<string> ExperimentWithDecisionsAsync(int decisions)
    {
        var id = LiveApiFixture.NewId("export");
        CliAssert.Succeeded(await api.RunAsync("experiments", "create", id, "--arm", "red", "--arm", "blue"));
        var tokens = new List<string>();
        for (var i = 0; i < decisions; i++)
        {
            tokens.Add(CliAssert.Json(await api.RunAsync("select", id, "--json")).GetProperty("token").GetString()!);
        }

        CliAssert.Succeeded(await api.RunAsync("feedback", tokens[0], "--reward", "1"));
        await Eventually.Until(EventsAsyncOf(id), events => events.Count == decisions, LogLimit, $"{decisions} decisions in the log");
        return id;
    }

    private Func<Task<List<JsonElement>>> EventsAsyncOf(string id) => () => EventsAsync(id);

    private async Task<List<JsonElement>> EventsAsync(string id)
    {
        using var http = new HttpClient();
        using var page = JsonDocument.Parse(await http.GetStringAsync($"{api.Url}v1/experiments/{id}/events?limit=10000"));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
