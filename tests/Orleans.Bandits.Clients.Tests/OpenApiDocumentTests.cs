using System.Text.Json;
using Orleans.Bandits.Clients.Tests.Fixtures;
using Orleans.Bandits.Clients.Tests.Running;

namespace Orleans.Bandits.Clients.Tests;

/// <summary>
/// The live /openapi/v1.json as a generator's user meets it: Redocly's recommended rules (client/openapi/redocly.yaml
/// turns off only what it justifies), and openapi-typescript types that accept the documented minimal bodies.
/// </summary>
public sealed class OpenApiDocumentTests(TenantSiloFixture silo) : IClassFixture<TenantSiloFixture>
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(1);
    private static readonly string Package = RepositoryPaths.Client("openapi");

    [Fact]
    public async Task The_document_passes_redocly_recommended_rules_without_errors_or_warnings()
    {
        await NpmPackages.InstallAsync(Package);
        var document = Path.Combine(Path.GetTempPath(), $"bandits-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await silo.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            var lint = await ChildProcess.RunAsync(NpmPackages.Bin(Package, "redocly"), ["lint", "--config", "redocly.yaml", "--format", "json", document], Package, ToolTimeout);

            var report = JsonDocument.Parse(lint.Output).RootElement;
            var totals = report.GetProperty("totals");
            Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, $"Redocly found problems: {report.GetProperty("problems")}");
            Assert.True(lint.ExitCode == 0, lint.ToString());
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task Types_generated_from_the_live_document_accept_an_empty_select_and_a_token_reward_feedback()
    {
        await NpmPackages.InstallAsync(Package);
        var generate = await ChildProcess.RunAsync(NpmPackages.Bin(Package, "openapi-typescript"), [$"{silo.Url}/openapi/v1.json", "--output", "generated/schema.d.ts"], Package, ToolTimeout);
        Assert.True(generate.ExitCode == 0, generate.ToString());

        // minimal-client.ts sends {} to select and {token, reward} to feedback, and expects a feedback without a token to be refused.
        var typecheck = await ChildProcess.RunAsync(NpmPackages.Bin(Package, "tsc"), ["-p", "tsconfig.json"], Package, ToolTimeout);
        Assert.True(typecheck.ExitCode == 0, typecheck.ToString());
    }
}
