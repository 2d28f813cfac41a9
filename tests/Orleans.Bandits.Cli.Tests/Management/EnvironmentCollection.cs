namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>Tests that set the process's environment variables: run alone, after the others, so no parallel test reads them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment variables";
}
