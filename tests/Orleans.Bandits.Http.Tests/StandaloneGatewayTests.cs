using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orleans.Bandits.Http.Tests;

/// <summary>The standalone gateway (a pure Orleans client) serves the same API against a running silo.</summary>
public sealed class StandaloneGatewayTests(SiloWithApiFixture silo) : IClassFixture<SiloWithApiFixture>
{
    [Fact]
    public async Task The_gateway_creates_selects_and_learns_through_the_silo()
    {
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("Bandits:Clustering:GatewayPort", silo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var http = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/v1/experiments", new { id = "via-gateway", arms = new[] { new { id = "a" }, new { id = "b" } } })).StatusCode);
        var selection = await (await http.PostAsJsonAsync("/v1/experiments/via-gateway/select", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var feedback = await http.PostAsJsonAsync("/v1/feedback", new { token = selection.GetProperty("token").GetString(), reward = 1 });
        Assert.Equal(HttpStatusCode.Accepted, feedback.StatusCode);

        // The silo's own API sees what the gateway did: one cluster, one truth.
        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            stats = await silo.Http.GetFromJsonAsync<JsonElement>("/v1/experiments/via-gateway/stats");
            if (stats.GetProperty("trainedEvents").GetInt64() == 1)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal(1, stats.GetProperty("trainedEvents").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task When_the_cluster_is_gone_the_gateway_answers_503_with_retry_after_and_accepts_nothing()
    {
        var lonelySilo = new SiloWithApiFixture();
        await lonelySilo.InitializeAsync();
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.UseSetting("Bandits:Clustering:GatewayPort", lonelySilo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var http = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/v1/experiments", new { id = "orphan", arms = new[] { new { id = "a" } } })).StatusCode);

        await lonelySilo.DisposeAsync();
        var response = await http.PostAsJsonAsync("/v1/experiments/orphan/select", new { });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.EndsWith("unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }
}
