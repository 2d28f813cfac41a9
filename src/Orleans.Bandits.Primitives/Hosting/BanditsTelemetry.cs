namespace Orleans.Bandits.Primitives.Hosting;

/// <summary>Names hosts need to export the platform's telemetry.</summary>
public static class BanditsTelemetry
{
    /// <summary>The System.Diagnostics meter every platform instrument belongs to.</summary>
    public const string MeterName = "Orleans.Bandits";

    /// <summary>The tag naming an experiment (<c>tenant/name</c>); hosts export it only where the operator enables it.</summary>
    public const string ExperimentTag = "experiment";
}
