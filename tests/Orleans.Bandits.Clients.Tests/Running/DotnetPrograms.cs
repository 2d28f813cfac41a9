using System.Reflection;

namespace Orleans.Bandits.Clients.Tests.Running;

/// <summary>
/// Builds and runs a C# program written at test time, as a console project referencing the repository's projects.
/// It lives under this test assembly's output folder, inside the repository, so it builds with the repository's
/// Directory.Build.props (warnings as errors, nullable, code style) and its central package versions, and neither
/// the solution nor the test project's own build sees it.
/// </summary>
public static class DotnetPrograms
{
    private const string ProjectName = "Program";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The configuration this test assembly was built in: its project references were built in it too.</summary>
    private static readonly string Configuration = typeof(DotnetPrograms).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
        ?? throw new InvalidOperationException("The test assembly does not say which configuration built it.");

    /// <summary>What every dotnet child gets: no banner, no telemetry calls.</summary>
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>
    /// Writes <paramref name="source"/> as the Program.cs of a console project in <paramref name="directory"/> (emptied
    /// first) referencing <paramref name="projectReferences"/>, builds it, and runs it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program does not compile; the message has the compiler's errors.</exception>
    /// <exception cref="TimeoutException">The build or the run took longer than allowed.</exception>
    public static async Task<ProcessResult> RunAsync(string directory, string source, IReadOnlyList<string> projectReferences, TimeSpan runTimeout)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var references = string.Concat(projectReferences.Select(p => $"""    <ProjectReference Include="{p}" />{"\n"}"""));
        await File.WriteAllTextAsync(Path.Combine(directory, $"{ProjectName}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <OutDir>$(MSBuildProjectDirectory)/out/</OutDir>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>

            """);
        await File.WriteAllTextAsync(Path.Combine(directory, $"{ProjectName}.cs"), source);

        // The references are already built (this test assembly depends on them) and are not built again: a second
        // build of their outputs while other test assemblies run from them would race, and would cost most of the time.
        // Neither build nodes nor the shared compiler server are kept, so no process outlives the test.
        var build = await ChildProcess.RunAsync(
            "dotnet",
            ["build", "-c", Configuration, "-p:BuildProjectReferences=false", "-p:UseSharedCompilation=false", "-nodeReuse:false", "-v:q"],
            directory,
            BuildTimeout,
            Environment);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"The program did not build: {build}");
        }

        return await ChildProcess.RunAsync(
            "dotnet",
            [Path.Combine(directory, "out", $"{ProjectName}.dll")],
            directory,
            runTimeout,
            Environment);
    }
}
