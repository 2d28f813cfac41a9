using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orleans.Bandits.Http.Tests;

/// <summary>The README's quick start runs as written (against this fixture's silo instead of port 5080).</summary>
public sealed partial class ReadmeQuickStartTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    [Fact]
    public async Task The_quick_start_commands_create_select_learn_and_report()
    {
        var script = ReadmeBlocks.Bash("quickstart").Replace("http://127.0.0.1:5080", fixture.Http.BaseAddress!.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bash.WaitForExitAsync(timeout.Token);
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}: {errors}");

        // Each curl prints one JSON document: the experiment, the feedback receipt, the stats.
        var documents = JsonObjects().Matches(output).Select(m => JsonDocument.Parse(m.Value).RootElement).ToList();
        Assert.Equal(3, documents.Count);
        Assert.Equal("homepage-hero", documents[0].GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(documents[1].GetProperty("eventId").GetString()));
        Assert.Equal(1, documents[2].GetProperty("trainedEvents").GetInt64());
    }

    [GeneratedRegex(@"\{.*?\}(?=\{|\n|$)", RegexOptions.Singleline)]
    private static partial Regex JsonObjects();
}
