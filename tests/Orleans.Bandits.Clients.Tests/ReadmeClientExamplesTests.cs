using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Bandits.Clients.Tests.Fixtures;
using Orleans.Bandits.Clients.Tests.Running;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Clients.Tests;

/// <summary>README's client examples run as written, against this fixture's silo (auth off, as a local run) instead of ports 5080 (HTTP) and 30000 (the Orleans gateway).</summary>
public sealed partial class ReadmeClientExamplesTests(OpenSiloFixture silo) : IClassFixture<OpenSiloFixture>, IAsyncLifetime
{
    private const string ReadmeUrl = "http://127.0.0.1:5080";
    private const string Experiment = "homepage-hero";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    public async Task InitializeAsync()
    {
        if ((await silo.Http.GetAsync($"/v1/experiments/{Experiment}")).IsSuccessStatusCode)
        {
            return;
        }

        (await silo.Http.PostAsJsonAsync("/v1/experiments", new { id = Experiment, arms = new[] { new { id = "red" }, new { id = "blue" } } })).EnsureSuccessStatusCode();

        // Activates the experiment's grains, so the examples' first select is not measured against their 500 ms
        // timeout while the silo starts them.
        (await silo.Http.PostAsJsonAsync($"/v1/experiments/{Experiment}/select", new { })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_python_example_selects_and_its_feedback_is_learned()
    {
        var package = RepositoryPaths.Client("python");
        var learnedBefore = await TrainedEvents();

        var run = await ChildProcess.RunAsync("python3", ["-c", Example("python")], package, RunTimeout, new Dictionary<string, string>
        {
            ["PYTHONPATH"] = Path.Combine(package, "src"),
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(ChoseAnArm(), run.Output);
        await Eventually.Until(TrainedEvents, n => n == learnedBefore + 1, TimeSpan.FromSeconds(15), "the Python example's feedback to be learned");
    }

    [Fact]
    public async Task The_typescript_example_selects_and_its_feedback_is_learned()
    {
        var package = RepositoryPaths.Client("typescript");
        await NpmPackages.BuildAsync(package);

        // Inside the package, so "@orleans-bandits/client" resolves to the package itself (self-reference through
        // its exports) and the file is an ES module (top-level await) like the package's own.
        var directory = Path.Combine(package, "dist", "readme");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "example.ts"), Example("typescript"));
        var compile = await ChildProcess.RunAsync(
            NpmPackages.Bin(package, "tsc"),
            ["--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", "--rootDir", directory, "--outDir", Path.Combine(directory, "out"), Path.Combine(directory, "example.ts")],
            package,
            RunTimeout);
        Assert.True(compile.ExitCode == 0, compile.ToString());
        var learnedBefore = await TrainedEvents();

        var run = await ChildProcess.RunAsync("node", [Path.Combine(directory, "out", "example.js")], package, RunTimeout);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(ChoseAnArm(), run.Output);
        await Eventually.Until(TrainedEvents, n => n == learnedBefore + 1, TimeSpan.FromSeconds(15), "the TypeScript example's feedback to be learned");
    }

    [Fact]
    public async Task The_dotnet_example_selects_and_its_feedback_is_learned()
    {
        // The block uses an injected IBanditsClient; what comes before it is the registration the README gives,
        // pointed at this fixture's gateway instead of Orleans' default port, and the host a web app would have, its
        // Information logs left out so that a failure's message shows what the example printed.
        var program = $$"""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;
            using Orleans.Bandits.Client;
            using Orleans.Bandits.Contracts.Feedback;

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddBanditsClient(client => client.UseLocalhostClustering(gatewayPort: {{silo.GatewayPort}}));
            using var host = builder.Build();
            await host.StartAsync();
            var bandits = host.Services.GetRequiredService<IBanditsClient>();

            {{Block("dotnet")}}
            await host.StopAsync();

            """;
        var learnedBefore = await TrainedEvents();

        var directory = Path.Combine(AppContext.BaseDirectory, "readme-dotnet");
        try
        {
            var run = await DotnetPrograms.RunAsync(directory, program, [Path.Combine(RepositoryPaths.Client("Orleans.Bandits.Client"), "Orleans.Bandits.Client.csproj")], RunTimeout);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(ChoseAnArm(), run.Output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        await Eventually.Until(TrainedEvents, n => n == learnedBefore + 1, TimeSpan.FromSeconds(15), "the .NET example's feedback to be learned");
    }

    private async Task<long> TrainedEvents() =>
        (await silo.Http.GetFromJsonAsync<JsonElement>($"/v1/experiments/{Experiment}/stats")).GetProperty("trainedEvents").GetInt64();

    /// <summary>The README block between <c>&lt;!-- client:LANGUAGE --&gt;</c> markers, pointed at this fixture's silo.</summary>
    private string Example(string language)
    {
        var block = Block(language);
        Assert.Contains(ReadmeUrl, block, StringComparison.Ordinal);
        return block.Replace(ReadmeUrl, silo.Url, StringComparison.Ordinal);
    }

    /// <summary>The README block between <c>&lt;!-- client:LANGUAGE --&gt;</c> markers, as written.</summary>
    private static string Block(string language)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var match = Regex.Match(readme, $@"<!-- client:{language} -->\s*```\w+\n(.*?)```\s*<!-- /client:{language} -->", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no <!-- client:{language} --> block.");
        return match.Groups[1].Value;
    }

    /// <summary>What every example prints: the arm the platform chose, and that it was not the fallback.</summary>
    [GeneratedRegex(@"^(red|blue) (False|false)$", RegexOptions.Multiline)]
    private static partial Regex ChoseAnArm();
}
