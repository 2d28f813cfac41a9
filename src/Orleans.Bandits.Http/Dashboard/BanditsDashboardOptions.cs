namespace Orleans.Bandits.Http;

/// <summary>Configuration section <c>Bandits:Dashboard</c>.</summary>
public sealed class BanditsDashboardOptions
{
    public const string Section = "Bandits:Dashboard";

    /// <summary>
    /// Where the flaky-load-balancer harness writes <c>runs.csv</c> (one row per strategy × tier × seed)
    /// and, while it runs, <c>live.json</c>; unset, the comparison view can still open a local file.
    /// </summary>
    public string? HarnessDirectory { get; set; }
}
