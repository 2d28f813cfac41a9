using System.Diagnostics;
using System.Reflection;

namespace Orleans.Bandits.Deployment.Tests;

/// <summary>
/// The compose file, validated offline by docker-compose itself (no Docker engine is needed for
/// <c>config</c>): the topology, the durability settings, and that secrets are never defaulted.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string Root = typeof(DockerComposeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public async Task The_compose_file_is_valid_and_runs_redis_three_silos_and_the_gateway()
    {
        var (exit, output, errors) = await ComposeConfig(new() { ["BANDITS_ADMIN_KEY"] = "admin", ["BANDITS_TOKEN_SECRET"] = "c2VjcmV0" });
        Assert.True(exit == 0, errors);
        foreach (var service in new[] { "redis:", "silo1:", "silo2:", "silo3:", "gateway:" })
        {
            Assert.Contains("  " + service, output);
        }

        Assert.Contains("--appendonly", output);
        Assert.Contains("--appendfsync", output);
        Assert.Contains("noeviction", output);
        Assert.Contains("Bandits__Mode: Redis", output);
        Assert.Contains("condition: service_healthy", output);
        Assert.Contains("/health/ready", output);
    }

    [Fact]
    public async Task The_compose_file_refuses_to_run_without_the_secrets()
    {
        var (exit, _, errors) = await ComposeConfig([]);
        Assert.NotEqual(0, exit);
        Assert.Contains("BANDITS_", errors);
    }

    private static async Task<(int Exit, string Output, string Errors)> ComposeConfig(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(Root, "docker-compose.yml"), "config"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment.Remove("BANDITS_ADMIN_KEY");
        start.Environment.Remove("BANDITS_TOKEN_SECRET");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
