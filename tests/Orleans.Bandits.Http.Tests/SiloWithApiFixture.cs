using Orleans.Bandits.Testing.Silos;

namespace Orleans.Bandits.Http.Tests;

/// <summary>A local-mode silo with the API co-hosted, as the silo host builds it, on free loopback ports.</summary>
public class SiloWithApiFixture : IAsyncLifetime
{
    private ApiHost? _host;

    public HttpClient Http => Host.Http;

    /// <summary>The silo's client gateway port, for a standalone gateway to connect to.</summary>
    public int GatewayPort => Host.GatewayPort;

    /// <summary>The host's services, the silo's included (e.g. the decision store, to see what it keeps).</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>Configuration the host starts with (e.g. an admin key).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Adds to the silo (e.g. the Orleans dashboard).</summary>
    protected virtual Action<ISiloBuilder>? ConfigureSilo => null;

    private ApiHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(Settings, ConfigureSilo);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
