using System.Text.RegularExpressions;
using Orleans.Bandits.Clients.Tests.Fixtures;
using Orleans.Bandits.Clients.Tests.Running;

namespace Orleans.Bandits.Clients.Tests;

/// <summary>client/python's unittest suite against a live silo with auth on: round trip, fail-open select, idempotent retries.</summary>
public sealed partial class PythonClientTests(TenantSiloFixture silo) : IClassFixture<TenantSiloFixture>
{
    private const int SuiteTests = 7;

    [Fact]
    public async Task The_python_client_suite_passes_against_a_live_silo()
    {
        var package = RepositoryPaths.Client("python");
        var suite = await ChildProcess.RunAsync(
            "python3",
            ["-m", "unittest", "discover", "--start-directory", "tests", "--verbose"],
            package,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string>
            {
                ["PYTHONPATH"] = Path.Combine(package, "src"),
                ["BANDITS_URL"] = silo.Url,
                ["BANDITS_API_KEY"] = silo.ApiKey,
            });

        Assert.True(suite.ExitCode == 0, suite.ToString());
        var ran = Ran().Match(suite.Errors);
        Assert.True(ran.Success && int.Parse(ran.Groups[1].Value) >= SuiteTests, $"expected the whole suite to run: {suite}");
        Assert.DoesNotContain("skipped", suite.Errors, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Ran (\d+) tests? in", RegexOptions.Multiline)]
    private static partial Regex Ran();
}
