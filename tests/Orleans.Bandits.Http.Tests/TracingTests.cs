using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Bandits.Primitives.Hosting;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>
/// One select and its feedback, followed through the platform: the select request's trace reaches the selector
/// replica and the token it signs, and the span that trains the event links back to both the selection and the
/// feedback intake, although training runs later, from the stream, in another grain.
/// </summary>
public sealed class TracingTests(TracedSiloFixture fixture) : IClassFixture<TracedSiloFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_select_and_its_feedback_make_a_trace_from_http_to_the_token_and_a_training_span_linked_to_both()
    {
        Assert.Equal(HttpStatusCode.Created, (await fixture.Http.PostAsJsonAsync("/v1/experiments", new { id = "traced", arms = new[] { new { id = "a" }, new { id = "b" } } })).StatusCode);
        var selected = await fixture.Http.PostAsJsonAsync("/v1/experiments/traced/select", new { });
        Assert.True(selected.IsSuccessStatusCode, await selected.Content.ReadAsStringAsync());
        var selection = await selected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Http.PostAsJsonAsync("/v1/feedback", new { token = selection.GetProperty("token").GetString(), reward = 1 })).StatusCode);

        var training = await Eventually.Until(
            () => Task.FromResult(Ours("bandits.train").FirstOrDefault(s => (string?)s.GetTagItem("bandits.experiment") == "default/traced")),
            span => span is not null,
            Patience,
            "the training span");
        var select = Assert.Single(Ours("bandits.select"), s => (string?)s.GetTagItem("bandits.experiment") == "default/traced");
        var token = Assert.Single(Ours("bandits.token"), s => s.ParentSpanId == select.SpanId);
        var intake = Assert.Single(Ours("bandits.feedback"), s => (string?)s.GetTagItem("bandits.experiment") == "default/traced");

        // HTTP → (grain call) → selector → token: the select span descends from the select request's server span.
        Assert.Equal(select.TraceId, token.TraceId);
        var request = Ancestors(select).Last();
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Contains("select", (string?)request.GetTagItem("http.route"));
        var feedbackRequest = Ancestors(intake).Last();
        Assert.Equal(ActivityKind.Server, feedbackRequest.Kind);
        Assert.Contains("feedback", (string?)feedbackRequest.GetTagItem("http.route"));

        // Training links to the selection and to the intake of its feedback.
        Assert.Contains(training!.Links, l => l.Context.SpanId == select.SpanId && l.Context.TraceId == select.TraceId);
        Assert.Contains(training.Links, l => l.Context.SpanId == intake.SpanId && l.Context.TraceId == intake.TraceId);
    }

    private IEnumerable<Activity> Ours(string name) => fixture.Spans.Where(s => s.Source.Name == BanditsTelemetry.ActivitySourceName && s.OperationName == name);

    /// <summary>The span's exported ancestors, nearest first.</summary>
    private List<Activity> Ancestors(Activity span)
    {
        var chain = new List<Activity>();
        for (var parent = span.ParentSpanId; fixture.Spans.FirstOrDefault(s => s.SpanId == parent && s.TraceId == span.TraceId) is { } found; parent = found.ParentSpanId)
        {
            chain.Add(found);
        }

        Assert.True(chain.Count > 0, $"no exported parent of {span.OperationName} (parent {span.ParentSpanId}) among: " + string.Join("; ", fixture.Spans.Select(s => $"{s.Source.Name}/{s.OperationName} {s.SpanId}<-{s.ParentSpanId}")));
        return chain;
    }
}
