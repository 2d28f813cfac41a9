using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Orleans.Bandits.Client;
using Orleans.Bandits.Dashboard.Tests.Fixtures;
using Orleans.Bandits.Http;
using Orleans.Bandits.Http.Dashboard;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Dashboard.Tests;

/// <summary>What every host serves, over plain HTTP: the page and its assets, the harness files, and the Orleans dashboard.</summary>
public sealed class HostingTests(DashboardSiloFixture silo) : IClassFixture<DashboardSiloFixture>
{
    [Fact]
    public async Task The_page_and_its_assets_come_from_the_library_and_revalidate_with_304()
    {
        var page = await silo.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/dashboard/assets/vendor/chart.umd.min.js", html);
        Assert.DoesNotContain("https://", html);

        var chart = await silo.Http.GetAsync("/dashboard/assets/vendor/chart.umd.min.js");
        Assert.Equal("text/javascript", chart.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("/*!\n * Chart.js v4.6.1", await chart.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await silo.Http.GetAsync("/dashboard/assets/vendor/chart.js-LICENSE.md")).StatusCode);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/dashboard/assets/js/main.js");
        var first = await silo.Http.GetAsync("/dashboard/assets/js/main.js");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await silo.Http.SendAsync(revalidate)).StatusCode);

        var missing = await silo.Http.GetAsync("/dashboard/assets/js/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_harness_files_are_served_as_written()
    {
        var runs = await silo.Http.GetAsync("/dashboard/harness/runs");
        Assert.Equal("text/csv", runs.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HarnessFiles.RunsCsv(), await runs.Content.ReadAsStringAsync());
        var live = await silo.Http.GetFromJsonAsync<JsonElement>("/dashboard/harness/live");
        Assert.Equal("V4", live.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task The_orleans_dashboard_is_mounted_under_orleans_on_the_silo()
    {
        var page = await silo.Http.GetAsync("/orleans/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var counters = await silo.Http.GetFromJsonAsync<JsonElement>("/orleans/DashboardCounters");
        Assert.True(counters.GetProperty("totalActiveHostCount").GetInt32() >= 1);

        var document = await silo.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/orleans", StringComparison.Ordinal) || p.Name.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_standalone_gateway_serves_the_page_and_the_orleans_dashboard_through_the_cluster()
    {
        await using var gateway = await StartGatewayAsync(withOrleansDashboard: true);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.Single()) };
        Assert.Equal("text/html", (await http.GetAsync("/")).Content.Headers.ContentType?.MediaType);

        // The gateway's dashboard learns the cluster's hosts from its first collection after it starts.
        var counters = await Eventually.Until(
            () => http.GetFromJsonAsync<JsonElement>("/orleans/DashboardCounters"),
            c => c.GetProperty("totalActiveHostCount").GetInt32() >= 1,
            TimeSpan.FromSeconds(30),
            "the gateway's Orleans dashboard to count the silo");
        Assert.True(counters.GetProperty("totalActiveHostCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_host_without_the_orleans_dashboard_says_how_to_register_it()
    {
        await using var gateway = await StartGatewayAsync(withOrleansDashboard: false);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.Single()) };
        Assert.Equal("text/html", (await http.GetAsync("/")).Content.Headers.ContentType?.MediaType);
        var orleans = await http.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.NotFound, orleans.StatusCode);
        Assert.Contains("AddBanditsDashboard", (await orleans.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    /// <summary>The standalone gateway as its host builds it, plus (optionally) the one line that adds the Orleans dashboard to its client.</summary>
    private async Task<WebApplication> StartGatewayAsync(bool withOrleansDashboard)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddBanditsClient(client =>
        {
            client.UseLocalhostClustering(silo.GatewayPort);
            if (withOrleansDashboard)
            {
                client.AddBanditsDashboard();
            }
        });
        builder.Services.AddBanditsApi();
        var app = builder.Build();
        app.UseBanditsApi();
        app.MapBanditsApi();
        await app.StartAsync();
        return app;
    }
}
