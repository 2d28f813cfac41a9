using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Bandits.Http.Tests;

public sealed class ObservabilityTests(SiloWithApiFixture fixture) : IClassFixture<SiloWithApiFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_exported_in_prometheus_text_after_selections()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "metered", arms = new[] { new { id = "a" } } });
        for (var i = 0; i < 5; i++)
        {
            await Http.PostAsJsonAsync("/v1/experiments/metered/select", new { });
        }

        var text = "";
        for (var attempt = 0; attempt < 50 && !text.Contains("bandits_selections", StringComparison.Ordinal); attempt++)
        {
            text = await Http.GetStringAsync("/metrics");
            await Task.Delay(100);
        }

        Assert.Contains("bandits_selections", text);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_contract_routes_and_the_docs_page_is_served()
    {
        var document = JsonDocument.Parse(await Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("/v1/experiments", paths);
        Assert.Contains("/v1/experiments/{id}/select", paths);
        Assert.Contains("/v1/feedback", paths);
        Assert.Contains("/v1/feedback/batch", paths);
        Assert.Contains("/v1/tenants", paths);
        var page = await Http.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_stats_stream_sends_the_current_stats_and_a_new_event_when_the_version_changes()
    {
        await Http.PostAsJsonAsync("/v1/experiments", new { id = "streamed", arms = new[] { new { id = "a" }, new { id = "b" } } });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await Http.GetAsync("/v1/experiments/streamed/stats/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        var first = await NextStats(reader, cancel.Token);
        Assert.Equal(0, first.GetProperty("trainedEvents").GetInt64());

        var token = (await (await Http.PostAsJsonAsync("/v1/experiments/streamed/select", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        await Http.PostAsJsonAsync("/v1/feedback", new { token, reward = 1 });
        var next = await NextStats(reader, cancel.Token);
        Assert.Equal(1, next.GetProperty("trainedEvents").GetInt64());
        Assert.True(next.GetProperty("version").GetInt64() > first.GetProperty("version").GetInt64());
    }

    private static async Task<JsonElement> NextStats(StreamReader reader, CancellationToken cancellationToken)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "stats")
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended before a stats event.");
    }
}
