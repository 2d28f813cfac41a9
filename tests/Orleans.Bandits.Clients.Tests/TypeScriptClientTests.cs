using System.Text.RegularExpressions;
using Orleans.Bandits.Clients.Tests.Fixtures;
using Orleans.Bandits.Clients.Tests.Running;

namespace Orleans.Bandits.Clients.Tests;

/// <summary>client/typescript's node:test suite against a live silo with auth on: round trip, fail-open select, idempotent retries.</summary>
public sealed partial class TypeScriptClientTests(TenantSiloFixture silo) : IClassFixture<TenantSiloFixture>
{
    private const int SuiteTests = 7;

    [Fact]
    public async Task The_typescript_client_suite_passes_against_a_live_silo()
    {
        var package = RepositoryPaths.Client("typescript");
        await NpmPackages.BuildAsync(package);

        var suite = await ChildProcess.RunAsync(
            "node",
            ["--test", Path.Combine("dist", "test", "client.test.js")],
            package,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["BANDITS_URL"] = silo.Url, ["BANDITS_API_KEY"] = silo.ApiKey });

        Assert.True(suite.ExitCode == 0, suite.ToString());
        Assert.Matches(Counter("fail", 0), suite.Output);
        var passed = Passed().Match(suite.Output);
        Assert.True(passed.Success && int.Parse(passed.Groups[1].Value) >= SuiteTests, $"expected the whole suite to run: {suite}");
    }

    private static Regex Counter(string name, int value) => new($"^# {name} {value}$", RegexOptions.Multiline);

    [GeneratedRegex(@"^# pass (\d+)$", RegexOptions.Multiline)]
    private static partial Regex Passed();
}
