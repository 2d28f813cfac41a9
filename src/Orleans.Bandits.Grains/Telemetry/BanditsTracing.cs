using System.Diagnostics;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Streams;

namespace Orleans.Bandits.Grains.Telemetry;

/// <summary>
/// The platform's spans: select (with the token it signs), feedback intake, and training, which links to the select
/// and intake spans of the events it learned. The select and intake spans travel with the event (the token carries
/// the first, the stream message both), since training runs later, from the stream, in another grain. While nobody
/// listens (tracing off) no span is started and the select path pays one check.
/// </summary>
public static class BanditsTracing
{
    public const string ExperimentTag = "bandits.experiment";

    /// <summary>Links per training span: a batch holds up to 256 events with two spans each, more than a trace view shows.</summary>
    public const int MaxLinks = 128;

    private static readonly ActivitySource Source = new(BanditsTelemetry.ActivitySourceName);

    public static Activity? StartSelect(string experiment) => Source.StartActivity("bandits.select")?.SetTag(ExperimentTag, experiment);

    public static Activity? StartToken() => Source.StartActivity("bandits.token");

    public static Activity? StartFeedback(string experiment) => Source.StartActivity("bandits.feedback")?.SetTag(ExperimentTag, experiment);

    /// <summary>A training span for a delivered batch, linked to the select and intake spans its events carry.</summary>
    public static Activity? StartTraining(string experiment, IList<SequentialItem<FeedbackEvent>> items)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = new List<ActivityLink>();
        foreach (var item in items)
        {
            foreach (var traceParent in (ReadOnlySpan<string?>)[item.Item.SelectionTrace, item.Item.FeedbackTrace])
            {
                if (links.Count < MaxLinks && traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context))
                {
                    links.Add(new ActivityLink(context));
                }
            }
        }

        return Source.StartActivity("bandits.train", ActivityKind.Consumer, default(ActivityContext), [new(ExperimentTag, experiment), new("bandits.events", items.Count)], links);
    }

    /// <summary>The W3C traceparent of <paramref name="context"/>, or null without one: what an event carries of a span.</summary>
    public static string? TraceParent(ActivityContext? context) =>
        context is { } c && c != default ? $"00-{c.TraceId.ToHexString()}-{c.SpanId.ToHexString()}-{(c.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}" : null;
}
