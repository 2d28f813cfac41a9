using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Bandits.Client;
using Orleans.Bandits.Grains;
using Orleans.Bandits.Harness.Dashboard;
using Orleans.Bandits.Http;
using Orleans.Bandits.Http.Dashboard;
using Orleans.Bandits.Testing;
using Orleans.Bandits.Tools;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>
/// A local-mode silo with the API and the dashboard co-hosted, as the silo host builds it (plus the
/// Orleans dashboard), on free loopback ports, with a harness directory holding a small runs.csv and live.json.
/// </summary>
public class DashboardSiloFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public int GatewayPort { get; } = FreePort.Next();

    public string HarnessDirectory { get; } = Directory.CreateTempSubdirectory("dashboard-harness-").FullName;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>The directory the harness's dashboard extension serves (the harness maps it in its own host).</summary>
    protected virtual string ServedHarnessDirectory => HarnessDirectory;

    public async Task InitializeAsync()
    {
        HarnessFiles.Write(HarnessDirectory);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in Settings)
        {
            builder.Configuration[key] = value;
        }

        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort.Next(), gatewayPort: GatewayPort)
            .AddBanditsInMemoryProviders()
            .AddBandits()
            .AddBanditsDashboard());
        builder.Services.AddBanditsClient();
        builder.Services.AddBanditsApi();
        _app = builder.Build();
        _app.UseBanditsApi();
        _app.MapBanditsApi();
        _app.MapHarnessResults(ServedHarnessDirectory);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(HarnessDirectory, recursive: true);
    }
}
