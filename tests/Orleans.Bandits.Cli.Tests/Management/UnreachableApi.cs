using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Cli.Tests.Management;

/// <summary>An API address nothing listens on: connections are refused at once, so tests of an unreachable platform do not wait.</summary>
public static class UnreachableApi
{
    public static string Url { get; } = $"http://127.0.0.1:{FreePort.Next()}";
}
