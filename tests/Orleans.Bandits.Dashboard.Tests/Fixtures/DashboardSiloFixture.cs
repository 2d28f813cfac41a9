using Orleans.Bandits.Harness.Dashboard;
using Orleans.Bandits.Http.Dashboard;
using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

/// <summary>
/// A local-mode silo with the API and the dashboard co-hosted, as the silo host builds it (plus the
/// Orleans dashboard), on free loopback ports, serving a harness directory that holds a small runs.csv and live.json.
/// </summary>
public class DashboardSiloFixture : IAsyncLifetime
{
    private ApiHost? _host;

    public HttpClient Http => Host.Http;

    public Uri BaseAddress => Host.BaseAddress;

    public int GatewayPort => Host.GatewayPort;

    public string HarnessDirectory { get; } = Directory.CreateTempSubdirectory("dashboard-harness-").FullName;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>The directory the harness's dashboard extension serves (the harness maps it in its own host).</summary>
    protected virtual string ServedHarnessDirectory => HarnessDirectory;

    private ApiHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        HarnessFiles.Write(HarnessDirectory);
        _host = await ApiHost.StartAsync(
            Settings,
            silo => silo.AddBanditsDashboard(),
            app => app.MapHarnessResults(ServedHarnessDirectory));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(HarnessDirectory, recursive: true);
    }
}
