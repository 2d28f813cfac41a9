using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.Bandits.Primitives.Hosting;

namespace Orleans.Bandits.Http.Tests;

/// <summary>A silo with the API that traces, exporting its spans to memory where a test reads them.</summary>
public sealed class TracedSiloFixture : SiloWithApiFixture
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { [BanditsTelemetry.TracingEnabledKey] = "true" };

    protected override Action<ISiloBuilder>? ConfigureSilo => silo => silo.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(new QueueExporter(Spans))));

    /// <summary>Keeps every finished span.</summary>
    private sealed class QueueExporter(ConcurrentQueue<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var span in batch)
            {
                spans.Enqueue(span);
            }

            return ExportResult.Success;
        }
    }
}
