using Microsoft.Extensions.Configuration;

namespace Orleans.Bandits.Primitives.Hosting;

/// <summary>Names hosts need to export the platform's telemetry, and whether they trace.</summary>
public static class BanditsTelemetry
{
    /// <summary>The System.Diagnostics meter every platform instrument belongs to.</summary>
    public const string MeterName = "Orleans.Bandits";

    /// <summary>The System.Diagnostics activity source of the platform's spans (select, feedback intake, training).</summary>
    public const string ActivitySourceName = "Orleans.Bandits";

    /// <summary>Turns tracing on for a host that exports spans some other way than OTLP (a test's in-memory exporter).</summary>
    public const string TracingEnabledKey = "Bandits:Tracing:Enabled";

    /// <summary>
    /// Tracing is on where an OTLP endpoint is configured (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
    /// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>) or <see cref="TracingEnabledKey"/> is true. Off, nothing is traced and
    /// grain calls go without the propagation filters, which would cost the select path an allocation per call.
    /// </summary>
    public static bool TracingEnabled(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"])
        || configuration.GetValue<bool>(TracingEnabledKey);

    /// <summary>Whether the OTLP exporter has somewhere to send spans.</summary>
    public static bool OtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    /// <summary>The tag naming an experiment (<c>tenant/name</c>); hosts export it only where the operator enables it.</summary>
    public const string ExperimentTag = "experiment";
}
