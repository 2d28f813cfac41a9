using System.Reflection;

namespace Orleans.Bandits.Clients.Tests.Running;

public static class RepositoryPaths
{
    /// <summary>The repository root, recorded at build time (the tests run from the build output).</summary>
    public static string Root { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Client(string name) => Path.Combine(Root, "client", name);
}
