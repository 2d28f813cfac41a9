using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orleans.Bandits.Redis.Tests.Fixtures;

namespace Orleans.Bandits.Redis.Tests;

/// <summary>A silo started with the standard OTLP variables exports its spans to the collector they name, over OTLP/HTTP.</summary>
[Collection(RedisCollection.Name)]
public sealed class OtlpExportTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_silo_with_the_otlp_variables_set_exports_its_select_span_to_the_collector()
    {
        using var collector = new OtlpReceiver();
        await using var silo = await SiloProcess.StartAsync(redis.ConnectionString, $"otlp-{Guid.NewGuid():N}", new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "bandits-silo-under-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });

        Assert.Equal(HttpStatusCode.Created, (await silo.Http.PostAsJsonAsync("/v1/experiments", new { id = "exported", arms = new[] { new { id = "a" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.PostAsJsonAsync("/v1/experiments/exported/select", new { })).StatusCode);

        var traces = await Eventually.Until(
            () => Task.FromResult(collector.Requests.Where(r => r.Path == "/v1/traces").ToList()),
            received => received.Any(r => Contains(r.Body, "bandits.select")),
            TimeSpan.FromSeconds(60),
            "the select span at the collector");
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(traces, r => Contains(r.Body, "bandits-silo-under-test"));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
