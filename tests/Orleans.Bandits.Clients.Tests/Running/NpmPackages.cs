using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Orleans.Bandits.Clients.Tests.Running;

/// <summary>
/// The npm packages under client/ (their dependencies installed with <c>npm ci</c> from the committed lock file,
/// then built), once per test run however many tests need them, and again only when the lock file changed.
/// </summary>
public static class NpmPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Installs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Builds = new(StringComparer.Ordinal);

    /// <summary>Installs the package's dependencies unless node_modules already holds what its lock file asks for.</summary>
    public static Task InstallAsync(string directory) =>
        Installs.GetOrAdd(directory, d => new Lazy<Task>(() => RunInstallAsync(d))).Value;

    /// <summary>Installs, then runs the package's <c>build</c> script (once per test run).</summary>
    public static Task BuildAsync(string directory) =>
        Builds.GetOrAdd(directory, d => new Lazy<Task>(() => RunBuildAsync(d))).Value;

    /// <summary>A tool the package installed (node_modules/.bin), so tests run the locked version, never a global one.</summary>
    public static string Bin(string directory, string tool) => Path.Combine(directory, "node_modules", ".bin", tool);

    private static async Task RunInstallAsync(string directory)
    {
        // npm ci always starts from an empty node_modules; the lock file's hash, kept inside node_modules after a
        // good install, lets later runs on the same machine skip it (CI's fresh clone installs once).
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(directory, "package-lock.json"))));
        var stamp = Path.Combine(directory, "node_modules", ".installed-lock-sha256");
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == lockHash)
        {
            return;
        }

        var install = await ChildProcess.RunAsync("npm", ["ci"], directory, InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {directory}: {install}");
        }

        await File.WriteAllTextAsync(stamp, lockHash);
    }

    private static async Task RunBuildAsync(string directory)
    {
        await InstallAsync(directory);
        var build = await ChildProcess.RunAsync("npm", ["run", "build"], directory, BuildTimeout);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm run build failed in {directory}: {build}");
        }
    }
}
