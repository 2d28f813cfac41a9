using System.CommandLine;

namespace Orleans.Bandits.Cli.Management;

/// <summary>The positional arguments several management commands take, described once.</summary>
public static class ManagementArguments
{
    public static Argument<string> Experiment() => new("id") { Description = "The experiment's id." };

    public static Argument<string> Arm() => new("arm") { Description = "The arm's id." };

    public static Argument<string> Tenant() => new("tenant") { Description = "The tenant's id." };
}
